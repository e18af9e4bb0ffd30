package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class ToolConfigTest {
  @TempDir Path tmp;

  private final List<String> warnings = new ArrayList<>();

  private ConfigProfile profile(Path... searchPath) {
    return new ConfigProfile("sample", "SAMPLE_", List.of(searchPath), Set.of("network", "dbname"));
  }

  private Path file(String name, String... lines) throws Exception {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, String.join("\n", lines) + "\n");
  }

  /** Parses {@code args} as the tools do; returns the command. */
  private SampleCommand parse(ConfigProfile profile, Map<String, String> env, String... args) {
    CommandLine cl = new CommandLine(new SampleCommand());
    ToolConfig config = ToolConfig.install(cl, profile, args, env, warnings::add);
    config
        .error()
        .ifPresent(
            e -> {
              throw e;
            });
    cl.parseArgs(args);
    return cl.getCommand();
  }

  @Test
  void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
    Path f =
        file(
            "c.toml",
            "port = 1000",
            "auth = false",
            "max-recv-msg-size = 3000",
            "token-expiry = \"5h\"");
    Map<String, String> env = Map.of("SAMPLE_PORT", "2000", "SAMPLE_MAX_RECV_MSG_SIZE", "4000");
    SampleCommand c =
        parse(profile(), env, "--config", f.toString(), "--max-recv-msg-size", "5000");
    assertThat(c.maxRecvMsgSize).isEqualTo(5000); // flag over environment and file
    assertThat(c.port).isEqualTo(2000); // environment over file
    assertThat(c.auth).isFalse(); // file over default
    assertThat(c.tokenExpiry).isEqualTo(Duration.ofHours(5)); // file, through the converter
    assertThat(c.shared.address).isEqualTo("127.0.0.1"); // default
    assertThat(c.signingKey).isNull(); // no default at all
    assertThat(warnings).isEmpty();
  }

  @Test
  void withoutAFileTheEnvironmentStillApplies() {
    SampleCommand c = parse(profile(), Map.of("SAMPLE_IMMUDB_ADDRESS", "10.0.0.1"));
    assertThat(c.shared.address).isEqualTo("10.0.0.1");
    assertThat(c.port).isEqualTo(3322);
  }

  @Test
  void underscoreAndImmudbSpellingsOfKeys() throws Exception {
    Path f =
        file(
            "c.toml",
            "max_recv_msg_size = 7",
            "signingkey = \"/k.pem\"",
            "IMMUDB_ADDRESS = \"h\"",
            "Port = \"4000\"");
    SampleCommand c = parse(profile(), Map.of(), "--config=" + f);
    assertThat(c.maxRecvMsgSize).isEqualTo(7);
    assertThat(c.signingKey).isEqualTo(Path.of("/k.pem"));
    assertThat(c.shared.address).isEqualTo("h");
    assertThat(c.port).isEqualTo(4000); // a number as a string works too
  }

  @Test
  void inheritedOptionsOfSubcommandsReadTheFileTooButTheirOwnOptionsOnlyTheEnvironment()
      throws Exception {
    Path f = file("c.toml", "immudb-address = \"fromfile\"");
    CommandLine cl = new CommandLine(new SampleCommand());
    String[] args = {"get", "--config", f.toString()};
    ToolConfig.install(cl, profile(), args, Map.of("SAMPLE_LIMIT", "3"), warnings::add);
    CommandLine.ParseResult r = cl.parseArgs(args);
    CommandLine get = r.subcommand().commandSpec().commandLine();
    SampleCommand.Get g = get.getCommand();
    assertThat(g.limit).isEqualTo(3);
    assertThat(r.subcommand().matchedOptionValue("--immudb-address", "none"))
        .isEqualTo("none"); // not given as a flag...
    assertThat(((SampleCommand) cl.getCommand()).shared.address)
        .isEqualTo("fromfile"); // ...but set
  }

  @Test
  void anUnknownKeyNamesTheKeyAndTheFile() throws Exception {
    Path f = file("c.toml", "port = 1", "prot = 2");
    assertThatThrownBy(() -> parse(profile(), Map.of(), "--config", f.toString()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(
            "config file "
                + f
                + ", key 'prot': unknown key; the keys are: port, auth, max-recv-msg-size,"
                + " signingKey, token-expiry, monitoring-port, immudb-address");
  }

  @Test
  void oneOptionSetTwiceInTwoSpellingsIsRefused() throws Exception {
    Path f = file("c.toml", "max-recv-msg-size = 1", "max_recv_msg_size = 2");
    assertThatThrownBy(() -> parse(profile(), Map.of(), "--config", f.toString()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(
            "config file "
                + f
                + ", key 'max_recv_msg_size': sets the same option as 'max-recv-msg-size'");
  }

  @Test
  void anOptionsOtherLongNamesAreAliasesOfItsKeyAndVariable() throws Exception {
    Path f = file("c.toml", "prometheus_port = 9100");
    assertThat(parse(profile(), Map.of(), "--config", f.toString()).monitoringPort).isEqualTo(9100);
    assertThat(parse(profile(), Map.of("SAMPLE_PROMETHEUS_PORT", "9200")).monitoringPort)
        .isEqualTo(9200);
    assertThat(
            parse(
                    profile(),
                    Map.of("SAMPLE_PROMETHEUS_PORT", "9200", "SAMPLE_MONITORING_PORT", "9300"))
                .monitoringPort)
        .isEqualTo(9300); // the key's own variable first
    assertThat(warnings).isEmpty();

    Path both = file("both.toml", "monitoring-port = 1", "prometheus-port = 2");
    assertThatThrownBy(() -> parse(profile(), Map.of(), "--config", both.toString()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(
            "config file "
                + both
                + ", key 'prometheus-port': sets the same option as 'monitoring-port'");

    Path bad = file("bad.toml", "prometheus-port = \"x\"");
    assertThatThrownBy(() -> parse(profile(), Map.of(), "--config", bad.toString()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessageStartingWith(
            "config file " + bad + ", key 'prometheus-port': invalid value 'x'");
  }

  @Test
  void theOptionsOfASubcommandNamedInTheProfileAreKeys() throws Exception {
    ConfigProfile withGet =
        new ConfigProfile("sample", "SAMPLE_", List.of(), Set.of(), Set.of("get"));
    Path f = file("c.toml", "limit = 2", "port = 7");
    CommandLine cl = new CommandLine(new SampleCommand());
    String[] args = {"--config", f.toString(), "get"};
    ToolConfig config = ToolConfig.install(cl, withGet, args, Map.of(), warnings::add);
    assertThat(config.error()).isEmpty();
    assertThat(config.keys().keys()).contains("port", "limit");
    CommandLine.ParseResult r = cl.parseArgs(args);
    SampleCommand.Get g = r.subcommand().commandSpec().commandLine().getCommand();
    assertThat(g.limit).isEqualTo(2);
    assertThat(((SampleCommand) cl.getCommand()).port).isEqualTo(7);
    // The environment still wins over the file; a flag over both.
    cl = new CommandLine(new SampleCommand());
    ToolConfig.install(cl, withGet, args, Map.of("SAMPLE_LIMIT", "5"), warnings::add);
    r = cl.parseArgs(args);
    assertThat(((SampleCommand.Get) r.subcommand().commandSpec().commandLine().getCommand()).limit)
        .isEqualTo(5);
    String[] flagged = {"--config", f.toString(), "get", "--limit", "9"};
    r = cl.parseArgs(flagged);
    assertThat(((SampleCommand.Get) r.subcommand().commandSpec().commandLine().getCommand()).limit)
        .isEqualTo(9);
  }

  @Test
  void aBadValueOfASubcommandKeyIsRefusedUpFront() throws Exception {
    ConfigProfile withGet =
        new ConfigProfile("sample", "SAMPLE_", List.of(), Set.of(), Set.of("get"));
    Path f = file("c.toml", "limit = \"many\"");
    CommandLine cl = new CommandLine(new SampleCommand());
    ToolConfig config =
        ToolConfig.install(
            cl, withGet, new String[] {"--config", f.toString()}, Map.of(), warnings::add);
    assertThat(config.error()).isPresent();
    assertThat(config.error().get().getMessage()).contains("key 'limit': invalid value 'many'");
  }

  @Test
  void anUnknownSubcommandInTheProfileIsAProgrammingError() {
    assertThatThrownBy(
            () ->
                ConfigKeys.of(
                    new CommandLine(new SampleCommand()).getCommandSpec(), Set.of("nosuch")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no subcommand nosuch");
  }

  @Test
  void aSubcommandsOwnOptionIsNotAKey() throws Exception {
    Path f = file("c.toml", "limit = 2");
    assertThatThrownBy(() -> parse(profile(), Map.of(), "--config", f.toString()))
        .hasMessageContaining("key 'limit': unknown key");
  }

  @Test
  void immudbKeysWithoutMeaningHereAreWarnedAboutAndIgnored() throws Exception {
    Path f = file("c.toml", "network = \"tcp\"", "port = 5");
    SampleCommand c = parse(profile(), Map.of(), "--config", f.toString());
    assertThat(c.port).isEqualTo(5);
    assertThat(warnings)
        .containsExactly(
            "config file " + f + ", key 'network': an immudb setting sample does not use; ignored");
  }

  @Test
  void badValuesNameTheKeyAndTheFile() throws Exception {
    String[][] cases = {
      {"port = \"abc\"", "key 'port': invalid value 'abc': 'abc' is not an int"},
      {"port = true", "key 'port': invalid value 'true': 'true' is not an int"},
      {"auth = 5", "key 'auth': invalid value '5': '5' is not a boolean"},
      {
        "token-expiry = \"soon\"",
        "key 'token-expiry': invalid value 'soon': invalid duration 'soon'"
      },
      {
        "max_recv_msg_size = 1.5",
        "key 'max_recv_msg_size': invalid value '1.5': '1.5' is not a long"
      },
    };
    for (String[] c : cases) {
      Path f = file("bad.toml", c[0]);
      assertThatThrownBy(() -> parse(profile(), Map.of(), "--config", f.toString()))
          .as(c[0])
          .isInstanceOf(ConfigFileException.class)
          .hasMessage("config file " + f + ", " + c[1]);
    }
  }

  @Test
  void aBadFileIsRefusedEvenWhenAFlagOverridesTheKey() throws Exception {
    Path f = file("c.toml", "port = \"abc\"");
    assertThatThrownBy(() -> parse(profile(), Map.of(), "--config", f.toString(), "--port", "1"))
        .isInstanceOf(ConfigFileException.class);
  }

  @Test
  void aBadEnvironmentValueIsExplainedByItsVariable() {
    CommandLine cl = new CommandLine(new SampleCommand());
    ToolConfig config =
        ToolConfig.install(cl, profile(), new String[0], Map.of("SAMPLE_PORT", "x"), w -> {});
    ParameterException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> cl.parseArgs(), ParameterException.class);
    assertThat(config.explain(e))
        .contains("environment variable SAMPLE_PORT: invalid value 'x': 'x' is not an int");
    ParameterException flag =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> cl.parseArgs("--port", "y"), ParameterException.class);
    assertThat(config.explain(flag)).isEmpty();
  }

  @Test
  void sourcesAreReported() throws Exception {
    Path f = file("c.toml", "port = 1", "auth = false");
    CommandLine cl = new CommandLine(new SampleCommand());
    ToolConfig config =
        ToolConfig.install(
            cl,
            profile(),
            new String[] {"--config", f.toString()},
            Map.of("SAMPLE_AUTH", "true"),
            w -> {});
    assertThat(config.file()).contains(f);
    assertThat(config.sourceOf("port")).contains("config file " + f + ", key 'port'");
    assertThat(config.sourceOf("--auth")).contains("environment variable SAMPLE_AUTH");
    assertThat(config.sourceOf("immudb-address")).isEmpty();
    assertThat(config.sourceOf("nonsense")).isEmpty();
  }

  @Test
  void theFirstExistingFileOfTheSearchPathWins() throws Exception {
    Path first = tmp.resolve("configs/sample.toml");
    Path second = file("etc/sample.toml", "port = 2");
    ConfigProfile p = profile(first, second);
    assertThat(parse(p, Map.of()).port).isEqualTo(2);
    file("configs/sample.toml", "port = 1");
    assertThat(parse(p, Map.of()).port).isEqualTo(1);
    assertThat(ToolConfig.locate(Optional.empty(), List.of(tmp.resolve("x"), tmp.resolve("y"))))
        .isEmpty();
  }

  @Test
  void anExplicitFileMustExistAndBeatsTheSearchPath() throws Exception {
    Path searched = file("configs/sample.toml", "port = 1");
    Path named = file("mine.toml", "port = 9");
    assertThat(parse(profile(searched), Map.of(), "--config", named.toString()).port).isEqualTo(9);
    assertThat(parse(profile(searched), Map.of("SAMPLE_CONFIG", named.toString())).port)
        .isEqualTo(9);
    Path missing = tmp.resolve("missing.toml");
    assertThatThrownBy(() -> parse(profile(searched), Map.of(), "--config", missing.toString()))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage("config file " + missing + ": not found");
    assertThatThrownBy(() -> parse(profile(), Map.of(), "--config", tmp.toString()))
        .hasMessage("config file " + tmp + ": not a regular file");
  }

  @Test
  void configArgumentForms() {
    assertThat(ToolConfig.configArgument(new String[] {"--config", "a", "x"})).contains("a");
    assertThat(ToolConfig.configArgument(new String[] {"get", "--config=b"})).contains("b");
    assertThat(ToolConfig.configArgument(new String[] {"--config=a", "--config", "c"}))
        .contains("c");
    assertThat(ToolConfig.configArgument(new String[] {"--", "--config", "a"})).isEmpty();
    assertThat(ToolConfig.configArgument(new String[] {"--config"})).isEmpty();
  }

  @Test
  void aBadFileDoesNotStopHelpOrVersion() throws Exception {
    Path f = file("c.toml", "prot = 1");
    for (String[] args :
        new String[][] {
          {"--config", f.toString(), "--help"},
          {"--config", f.toString(), "--version"},
          {"--config", f.toString(), "version"},
          {"--config", f.toString(), "get", "--help"},
        }) {
      CommandLine cl = new CommandLine(new SampleCommand());
      ToolConfig config = ToolConfig.install(cl, profile(), args, Map.of(), w -> {});
      assertThat(config.error()).isPresent();
      assertThat(ToolConfig.isInformational(cl.parseArgs(args)))
          .as(String.join(" ", args))
          .isTrue();
    }
    CommandLine cl = new CommandLine(new SampleCommand());
    assertThat(ToolConfig.isInformational(cl.parseArgs("get"))).isFalse();
    assertThat(ToolConfig.isInformational(cl.parseArgs("--port", "1"))).isFalse();
  }

  @Test
  void helpShowsTheEffectiveDefaults() throws Exception {
    Path f = file("c.toml", "port = 4321");
    @picocli.CommandLine.Command(name = "h", mixinStandardHelpOptions = true)
    class WithHelp {
      @picocli.CommandLine.Option(
          names = "--port",
          defaultValue = "1",
          description = "port (default: ${DEFAULT-VALUE})")
      int port;

      @picocli.CommandLine.Option(names = "--config")
      Path config;
    }
    CommandLine cl = new CommandLine(new WithHelp());
    ToolConfig.install(cl, profile(), new String[] {"--config", f.toString()}, Map.of(), w -> {});
    StringWriter out = new StringWriter();
    cl.usage(new PrintWriter(out));
    assertThat(out.toString()).contains("port (default: 4321)");
  }

  @Test
  void versionCommandAndFlagPrintTheBuildInformation() {
    for (String arg : new String[] {"version", "--version"}) {
      CommandLine cl = new CommandLine(new SampleCommand());
      StringWriter out = new StringWriter();
      cl.setOut(new PrintWriter(out));
      assertThat(cl.execute(arg)).isZero();
      assertThat(out.toString())
          .as(arg)
          .startsWith("sample ")
          .contains("Protocol : immudb ", "Commit   : ", "Built at : ", "Java     : ");
    }
  }
}
