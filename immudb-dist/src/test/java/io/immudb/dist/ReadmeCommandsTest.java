package io.immudb.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** README command lines split as a shell splits them. */
class ReadmeCommandsTest {
  @Test
  void doubleQuotedWordsKeepTheirSpacesAndSingleQuotes() {
    assertThat(
            ReadmeCommands.words(
                "bin/immuclient  exec \"SELECT name FROM t WHERE name = 'Joe'\" --param x=1"))
        .containsExactly(
            "bin/immuclient", "exec", "SELECT name FROM t WHERE name = 'Joe'", "--param", "x=1");
    assertThat(ReadmeCommands.words("bin/immuclient get \"\""))
        .containsExactly("bin/immuclient", "get", "");
  }

  @Test
  void whatAShellWouldInterpretIsRefused() {
    for (String bad :
        new String[] {
          "bin/immuclient get $KEY",
          "bin/immuclient get 'k'",
          "bin/immuclient get \"k",
          "bin/immuclient get a\\ b"
        }) {
      assertThatThrownBy(() -> ReadmeCommands.words(bad))
          .as(bad)
          .isInstanceOf(AssertionError.class);
    }
  }
}
