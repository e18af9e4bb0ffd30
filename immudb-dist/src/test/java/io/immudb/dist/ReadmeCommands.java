package io.immudb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
      List<String> words = words(cmd);
      (OFFLINE.contains(words.get(1)) ? offline : online).add(words);
    }
    return new ReadmeCommands(online, offline);
  }

  /**
   * The words of a README command line as a POSIX shell splits them, for the one quoting the README
   * uses: plain words, and double-quoted words (SQL) in which single quotes are plain text.
   * Anything else a shell would interpret ({@code $}, backslashes, single quotes outside double
   * quotes) fails the test, so that the line runs the same pasted into a shell.
   */
  static List<String> words(String line) {
    assertThat(line)
        .as("README command lines: plain words or \"double-quoted\" words, no $ or \\")
        .doesNotContain("$", "\\", "`");
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (!quoted && Character.isWhitespace(c)) {
        if (any) {
          words.add(w.toString());
          w.setLength(0);
          any = false;
        }
      } else {
        assertThat(quoted || c != '\'')
            .as("a single quote outside double quotes in: %s", line)
            .isTrue();
        w.append(c);
        any = true;
      }
    }
    assertThat(quoted).as("an unclosed double quote in: %s", line).isFalse();
    if (any) {
      words.add(w.toString());
    }
    return words;
  }
}
