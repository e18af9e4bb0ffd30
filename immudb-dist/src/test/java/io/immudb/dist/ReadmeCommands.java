package io.immudb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command lines of {@code bin/immuclient} and {@code bin/immuadmin} that README.md shows in its
 * code blocks, in the order it shows them, so that a test can run each as a reader would.
 */
record ReadmeCommands(List<List<String>> online, List<List<String>> offline) {
  /** The commands that work on a stopped server's data directory. */
  private static final List<String> OFFLINE = List.of("verify");

  static ReadmeCommands of(Path readme) throws IOException {
    List<List<String>> online = new ArrayList<>();
    List<List<String>> offline = new ArrayList<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(readme)) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        continue;
      }
      String cmd = line.replaceFirst("\\s+#.*$", "").trim();
      if (!inBlock || !(cmd.startsWith("bin/immuclient ") || cmd.startsWith("bin/immuadmin "))) {
        continue;
      }
      assertThat(cmd).as("README command lines are plain words").doesNotContain("'", "\"", "$");
      List<String> words = Arrays.asList(cmd.split("\\s+"));
      (OFFLINE.contains(words.get(1)) ? offline : online).add(words);
    }
    return new ReadmeCommands(online, offline);
  }
}
