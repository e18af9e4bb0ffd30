package io.immudb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.ops.ConfigKeys;
import io.immudb.server.config.ServerCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/** The table "Every server flag" of docs/operations.md lists every flag with its default. */
class FlagTableTest {
  private static final Path DOC = Path.of("..", "docs", "operations.md");

  @Test
  void everyFlagHasARowShowingItsDefault() throws Exception {
    List<String[]> rows =
        Files.readAllLines(DOC).stream()
            .filter(l -> l.startsWith("| `-"))
            .map(l -> l.split("\\|"))
            .toList();
    for (OptionSpec o : ConfigKeys.of(ServerCommand.commandLine().getCommandSpec()).options()) {
      Pattern flag = Pattern.compile("(?<![\\w-])" + Pattern.quote(o.longestName()) + "(?![\\w-])");
      Optional<String[]> row = rows.stream().filter(r -> flag.matcher(r[1]).find()).findFirst();
      assertThat(row).as("docs/operations.md has a row for %s", o.longestName()).isPresent();
      if (o.defaultValue() != null) {
        assertThat(row.get()[2])
            .as("default of %s in docs/operations.md", o.longestName())
            .contains("`" + o.defaultValue() + "`");
      }
    }
  }
}
