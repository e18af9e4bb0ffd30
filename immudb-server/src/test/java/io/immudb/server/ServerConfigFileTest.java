package io.immudb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.ops.ConfigFile;
import io.immudb.ops.ConfigFileException;
import io.immudb.ops.ConfigKeys;
import io.immudb.ops.ConfigProfile;
import io.immudb.server.config.ConfigException;
import io.immudb.server.config.ServerCommand;
import io.immudb.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/** The server's configuration file: keys, precedence, errors, the shipped sample. */
class ServerConfigFileTest {
  private static final Path SAMPLE = Path.of("..", "configs", "immudb.toml");

  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();

  /** The server's profile, searching only {@code path} (never the machine's /etc). */
  private static ConfigProfile profile(Path... path) {
    return ServerCommand.PROFILE.withSearchPath(List.of(path));
  }

  private Path file(String... lines) throws Exception {
    return Files.writeString(tmp.resolve("immudb.toml"), String.join("\n", lines) + "\n");
  }

  private ServerConfig parse(Map<String, String> env, String... args) {
    return ServerCommand.parse(args, env, profile(), warnings::add);
  }

  @Test
  void theSampleListsEveryOptionAndLoadsCleanly() throws Exception {
    String text = Files.readString(SAMPLE);
    for (OptionSpec o : ConfigKeys.of(ServerCommand.commandLine().getCommandSpec()).options()) {
      String key = ConfigKeys.keyOf(o);
      assertThat(text)
          .as("configs/immudb.toml lists %s (as 'key = ' or '# key = ')", key)
          .containsPattern("(?m)^(# )?" + Pattern.quote(key) + " = ");
    }
    ServerConfig fromSample =
        parse(Map.of(), "--config", SAMPLE.toString(), "--dir", tmp.toString());
    assertThat(warnings).isEmpty();
    // Every value in the sample is the built-in default.
    assertThat(fromSample)
        .usingRecursiveComparison()
        .isEqualTo(parse(Map.of(), "--dir", tmp.toString()));
    // ... and every active key is one of the server's (no stale keys).
    var keys = ConfigKeys.of(ServerCommand.commandLine().getCommandSpec());
    for (String key : ConfigFile.read(SAMPLE).values().keySet()) {
      assertThat(keys.find(key)).as(key).isPresent();
    }
  }

  @Test
  void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
    Path f =
        file(
            "port = 1001",
            "max-recv-msg-size = 1002",
            "token-expiry = \"2h\"",
            "synced = false",
            "dir = \"" + tmp.resolve("fromfile") + "\"");
    ServerConfig c =
        parse(
            Map.of("IMMUDB_PORT", "2001", "IMMUDB_MAX_RECV_MSG_SIZE", "2002"),
            "--config",
            f.toString(),
            "--max-recv-msg-size",
            "3003");
    assertThat(c.network().maxRecvMsgSize()).isEqualTo(3003);
    assertThat(c.network().port()).isEqualTo(2001);
    assertThat(c.security().tokenExpiry()).isEqualTo(Duration.ofHours(2));
    assertThat(c.storage().synced()).isFalse();
    assertThat(c.storage().dir()).isEqualTo(tmp.resolve("fromfile"));
    assertThat(c.security().adminPassword()).isEqualTo("immudb");
  }

  @Test
  void immudbSpellingsAndUnderscoresAreKeysToo() throws Exception {
    Path key = Files.writeString(tmp.resolve("k.pem"), "pem");
    Path f = file("signingkey = \"" + key + "\"", "max_recv_msg_size = 77", "DevMode = true");
    ServerConfig c = parse(Map.of(), "--config", f.toString(), "--dir", tmp.toString());
    assertThat(c.security().signingKey()).contains(key);
    assertThat(c.network().maxRecvMsgSize()).isEqualTo(77);
    assertThat(c.security().devMode()).isTrue();
  }

  @Test
  void immudbKeysWithoutMeaningHereAreWarnedAbout() throws Exception {
    Path f = file("network = \"tcp\"", "dbname = \"immudb\"", "port = 7");
    assertThat(parse(Map.of(), "--config", f.toString(), "--dir", tmp.toString()).network().port())
        .isEqualTo(7);
    assertThat(warnings)
        .containsExactly(
            "config file " + f + ", key 'network': an immudb setting immudb does not use; ignored",
            "config file " + f + ", key 'dbname': an immudb setting immudb does not use; ignored");
  }

  @Test
  void unknownKeysAndBadValuesNameTheKeyAndTheFile() throws Exception {
    Path f = file("prot = 3322");
    assertThatThrownBy(() -> parse(Map.of(), "--config", f.toString()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessageStartingWith("config file " + f + ", key 'prot': unknown key; the keys are: ");
    file("port = \"x\"");
    assertThatThrownBy(() -> parse(Map.of(), "--config", f.toString()))
        .hasMessage("config file " + f + ", key 'port': invalid value 'x': 'x' is not an int");
    file("token-expiry = 10");
    assertThatThrownBy(() -> parse(Map.of(), "--config", f.toString()))
        .hasMessageStartingWith(
            "config file " + f + ", key 'token-expiry': invalid value '10': invalid duration");
    file("port = 70000");
    assertThatThrownBy(() -> parse(Map.of(), "--config", f.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "config file " + f + ", key 'port': port must be between 0 and 65535, got 70000");
    assertThatThrownBy(() -> parse(Map.of("IMMUDB_PORT", "70000")))
        .hasMessage(
            "environment variable IMMUDB_PORT: port must be between 0 and 65535, got 70000");
    assertThatThrownBy(() -> parse(Map.of(), "--port", "70000"))
        .hasMessage("port must be between 0 and 65535, got 70000");
  }

  @Test
  void theSearchPathTakesTheFirstExistingFile() throws Exception {
    Path local = tmp.resolve("configs/immudb.toml");
    Path etc = Files.createDirectories(tmp.resolve("etc")).resolve("immudb.toml");
    Files.writeString(etc, "port = 2\ndir = \"" + tmp + "\"\n");
    ConfigProfile p = profile(local, etc);
    assertThat(ServerCommand.parse(new String[0], Map.of(), p, warnings::add).network().port())
        .isEqualTo(2);
    Files.createDirectories(local.getParent());
    Files.writeString(local, "port = 1\ndir = \"" + tmp + "\"\n");
    assertThat(ServerCommand.parse(new String[0], Map.of(), p, warnings::add).network().port())
        .isEqualTo(1);
    Path missing = tmp.resolve("nope.toml");
    assertThatThrownBy(
            () ->
                ServerCommand.parse(
                    new String[] {"--config", missing.toString()}, Map.of(), p, warnings::add))
        .hasMessage("config file " + missing + ": not found");
  }

  @Test
  void theDefaultSearchPathIsLocalThenEtc() {
    assertThat(ServerCommand.PROFILE.searchPath())
        .containsExactly(Path.of("configs/immudb.toml"), Path.of("/etc/immudb/immudb.toml"));
    assertThat(ServerCommand.PROFILE.configVariable()).isEqualTo("IMMUDB_CONFIG");
  }

  /** The outcome of {@link ImmudbMain#run} without starting a server. */
  private record Run(int status, String out, String err) {}

  private Run main(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        ImmudbMain.run(
            args,
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            profile(),
            warnings::add);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void mainStopsWithOneLineAndStatus2OnABadFile() throws Exception {
    Path f = file("prot = 1");
    Run r = main("--config", f.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("immudb: config file " + f + ", key 'prot': unknown key");
    assertThat(r.err().lines()).hasSize(1);
    file("auth = \"maybe\"");
    r = main("--config", f.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "immudb: config file "
                + f
                + ", key 'auth': invalid value 'maybe': 'maybe' is not a boolean\n");
    r = main("--config", tmp.resolve("none.toml").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("immudb: config file " + tmp.resolve("none.toml") + ": not found\n");
  }

  @Test
  void versionAndHelpWorkEvenWithABadFile() throws Exception {
    Path f = file("prot = 1");
    for (String[] args :
        new String[][] {{"version"}, {"--version"}, {"--config", f.toString(), "version"}}) {
      Run r = main(args);
      assertThat(r.status()).as(String.join(" ", args)).isZero();
      assertThat(r.out())
          .startsWith("immudb ")
          .contains("Protocol : immudb 1.1.0", "Commit   : ", "Built at : ", "Java     : ");
    }
    Run help = main("--config", f.toString(), "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("--config=FILE", "version", "IMMUDB_<FLAG>");
  }

  @Test
  void aBadFlagStillPrintsTheUsage() throws Exception {
    Run r = main("--port", "x");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("immudb: Invalid value for option '--port': 'x' is not an int")
        .contains("Usage:");
  }
}
