package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Configuration files fed arbitrary bytes (issue 16, part 1): {@link ConfigFile#parse} answers any
 * text with its flat key/value pairs or a {@link ConfigFileException} naming the file (and the line
 * where TOML says); no parser exception of another type escapes. The seed corpus holds the
 * commented sample {@code configs/immudb.toml}.
 */
class ConfigFileFuzzTest {
  private static final Path FILE = Path.of("fuzz.toml");

  @FuzzTest(maxDuration = "3s")
  void configFile(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      ConfigFile f = ConfigFile.parse(FILE, text);
      assertThat(f.values()).doesNotContainValue(null);
    } catch (ConfigFileException expected) {
      assertThat(expected.getMessage()).contains("fuzz.toml");
    }
  }
}
