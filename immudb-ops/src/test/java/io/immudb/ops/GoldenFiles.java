package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with an expected file under {@code src/test/resources/service/}. With
 * {@code -Dgolden.update=true} the file is rewritten instead (then review the diff and commit it).
 */
final class GoldenFiles {
  private static final Path SOURCE_DIR = Path.of("src/test/resources/service");

  private GoldenFiles() {}

  /** Asserts that {@code actual} equals the golden file {@code name}. */
  static void assertMatches(String actual, String name) {
    try {
      if (Boolean.getBoolean("golden.update")) {
        Path file = SOURCE_DIR.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual);
        return;
      }
      try (InputStream in = GoldenFiles.class.getResourceAsStream("/service/" + name)) {
        assertThat(in)
            .as("golden file service/%s (create it with -Dgolden.update=true)", name)
            .isNotNull();
        String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(actual).as("rendered text vs golden file service/%s", name).isEqualTo(expected);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
