package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path tmp;

  private static final Path F = Path.of("f.toml");

  @Test
  void valuesBecomeFlagText() {
    ConfigFile f =
        ConfigFile.parse(
            F,
            String.join(
                "\n",
                "# a comment",
                "port = 3322",
                "auth = false",
                "dir = \"./data\"",
                "token-expiry = \"24h\"",
                "ratio = 1.5",
                "big = 0x10",
                "day = 2024-01-02",
                "'quoted-key' = 'literal'",
                ""));
    assertThat(f.values())
        .containsExactly(
            java.util.Map.entry("port", "3322"),
            java.util.Map.entry("auth", "false"),
            java.util.Map.entry("dir", "./data"),
            java.util.Map.entry("token-expiry", "24h"),
            java.util.Map.entry("ratio", "1.5"),
            java.util.Map.entry("big", "16"),
            java.util.Map.entry("day", "2024-01-02"),
            java.util.Map.entry("quoted-key", "literal"));
    assertThat(f.path()).isEqualTo(F);
  }

  @Test
  void anEmptyFileHasNoKeys() {
    assertThat(ConfigFile.parse(F, "").values()).isEmpty();
    assertThat(ConfigFile.parse(F, "# only comments\n").values()).isEmpty();
  }

  @Test
  void tablesArraysAndBadSyntaxAreRefusedNamingTheFile() {
    assertThatThrownBy(() -> ConfigFile.parse(F, "[server]\nport = 1\n"))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(
            "config file f.toml, key 'server': tables are not supported; write every key at the top");
    assertThatThrownBy(() -> ConfigFile.parse(F, "port = [1, 2]\n"))
        .hasMessage("config file f.toml, key 'port': arrays are not supported");
    assertThatThrownBy(() -> ConfigFile.parse(F, "port = 1\nport = 2\n"))
        .isInstanceOf(ConfigFileException.class)
        .hasMessageStartingWith("config file f.toml: not valid TOML at line ")
        .hasMessageEndingWith("Duplicate key");
    assertThatThrownBy(() -> ConfigFile.parse(F, "port 3322\n"))
        .isInstanceOf(ConfigFileException.class)
        .hasMessageStartingWith("config file f.toml: not valid TOML at line 1");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = tmp.resolve("none.toml");
    assertThatThrownBy(() -> ConfigFile.read(missing))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage("config file " + missing + ": not found");
  }
}
