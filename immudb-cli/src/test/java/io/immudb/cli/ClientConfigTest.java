package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.ops.ConfigFile;
import io.immudb.ops.ConfigKeys;
import io.immudb.ops.ConfigProfile;
import io.immudb.ops.ToolConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** immuclient's and immuadmin's configuration files: samples, precedence, search path. */
class ClientConfigTest {
  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();

  private static Object command(String tool) {
    return tool.equals("immuclient")
        ? new Immuclient(Console.system())
        : new Immuadmin(Console.system());
  }

  @Test
  void theSamplesListEveryOptionAndLoadCleanly() throws Exception {
    for (String tool : new String[] {"immuclient", "immuadmin"}) {
      Path sample = Path.of("..", "configs", tool + ".toml");
      String text = Files.readString(sample);
      CommandLine cl = new CommandLine(command(tool));
      ConfigKeys keys = ConfigKeys.of(cl.getCommandSpec(), Tools.profile(tool).fileSubcommands());
      for (OptionSpec o : keys.options()) {
        assertThat(text)
            .as("configs/%s.toml lists %s", tool, ConfigKeys.keyOf(o))
            .containsPattern("(?m)^(# )?" + Pattern.quote(ConfigKeys.keyOf(o)) + " = ");
      }
      ConfigProfile profile = Tools.profile(tool).withSearchPath(List.of(sample));
      ToolConfig config = ToolConfig.install(cl, profile, new String[0], Map.of(), warnings::add);
      assertThat(config.error()).isEmpty();
      assertThat(config.file()).contains(sample);
      assertThat(warnings).isEmpty();
      // Every active value is the built-in default.
      for (var e : ConfigFile.read(sample).values().entrySet()) {
        OptionSpec o = keys.find(e.getKey()).orElseThrow();
        assertThat(e.getValue())
            .as(e.getKey())
            .isEqualTo(o.defaultValue() == null ? "false" : o.defaultValue());
      }
    }
  }

  @Test
  void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
    Path f =
        Files.writeString(
            tmp.resolve("c.toml"),
            "immudb-port = 1001\nimmudb-address = \"filehost\"\noutput = \"json\"\n");
    Immuclient c = new Immuclient(Console.system());
    CommandLine cl = new CommandLine(c);
    String[] args = {"status", "--config", f.toString(), "-p", "3003"};
    ToolConfig.install(
        cl,
        Tools.profile("immuclient").withSearchPath(List.of()),
        args,
        Map.of("IMMUCLIENT_IMMUDB_PORT", "2002", "IMMUCLIENT_IMMUDB_ADDRESS", "envhost"),
        warnings::add);
    cl.parseArgs(args);
    assertThat(c.opts.port).isEqualTo(3003);
    assertThat(c.opts.address).isEqualTo("envhost");
    assertThat(c.opts.output).isEqualTo("json");
    assertThat(c.opts.encoding).isEqualTo("text");
  }

  @Test
  void auditModeReadsItsOptionsFromTheFile() throws Exception {
    Path f =
        Files.writeString(
            tmp.resolve("c.toml"),
            "immudb-port = 1001\n"
                + "audit-interval = \"90s\"\n"
                + "audit_password = \"frompw\"\n"
                + "audit-databases = \"a, b\"\n"
                + "audit-verify-values = true\n"
                + "audit-monitoring-port = 9999\n");
    Immuclient c = new Immuclient(Console.system());
    CommandLine cl = new CommandLine(c);
    String[] args = {"--config", f.toString(), "audit-mode", "--audit-monitoring-port", "9000"};
    ToolConfig config =
        ToolConfig.install(
            cl,
            Tools.profile("immuclient").withSearchPath(List.of()),
            args,
            Map.of("IMMUCLIENT_AUDIT_DATABASES", "envdb"),
            warnings::add);
    assertThat(config.error()).isEmpty();
    assertThat(warnings).isEmpty();
    cl.parseArgs(args);
    var audit = cl.getSubcommands().get("audit-mode").getCommandSpec();
    assertThat((Object) audit.findOption("--audit-interval").getValue())
        .isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat((Object) audit.findOption("--audit-password").getValue()).isEqualTo("frompw");
    assertThat((Object) audit.findOption("--audit-databases").getValue())
        .isEqualTo(List.of("envdb")); // the environment beats the file
    assertThat((Object) audit.findOption("--audit-verify-values").getValue()).isEqualTo(true);
    assertThat((Object) audit.findOption("--audit-monitoring-port").getValue())
        .isEqualTo(9000); // a flag beats the file
    assertThat(c.opts.port).isEqualTo(1001);
  }

  @Test
  void immudbsPrometheusKeysSetTheAuditorsMonitoringEndpoint() throws Exception {
    Path f =
        Files.writeString(
            tmp.resolve("c.toml"), "prometheus-host = \"127.0.0.1\"\nprometheus-port = \"9101\"\n");
    CommandLine cl = new CommandLine(new Immuclient(Console.system()));
    String[] args = {"--config", f.toString(), "audit-mode"};
    ToolConfig config =
        ToolConfig.install(
            cl,
            Tools.profile("immuclient").withSearchPath(List.of()),
            args,
            Map.of(),
            warnings::add);
    assertThat(config.error()).isEmpty();
    assertThat(warnings).isEmpty();
    cl.parseArgs(args);
    var audit = cl.getSubcommands().get("audit-mode").getCommandSpec();
    assertThat((Object) audit.findOption("--audit-monitoring-host").getValue())
        .isEqualTo("127.0.0.1");
    assertThat((Object) audit.findOption("--audit-monitoring-port").getValue()).isEqualTo(9101);
  }

  @Test
  void aBadAuditValueInTheFileIsRefusedUpFront() throws Exception {
    Path f = Files.writeString(tmp.resolve("c.toml"), "audit-interval = \"soon\"\n");
    ToolConfig config =
        ToolConfig.install(
            new CommandLine(new Immuclient(Console.system())),
            Tools.profile("immuclient").withSearchPath(List.of()),
            new String[] {"--config", f.toString(), "status"},
            Map.of(),
            warnings::add);
    assertThat(config.error()).isPresent();
    assertThat(config.error().get().getMessage())
        .contains("key 'audit-interval': invalid value 'soon'");
  }

  @Test
  void theSearchPathIsConfigsThenTheHomeDirectory() {
    Path home = Path.of(System.getProperty("user.home"));
    assertThat(Tools.profile("immuclient").searchPath())
        .containsExactly(
            Path.of("configs/immuclient.toml"),
            home.resolve(".immudb/immuclient.toml"),
            home.resolve("immuclient.toml"));
    assertThat(Tools.profile("immuadmin").envPrefix()).isEqualTo("IMMUADMIN_");
    assertThat(Tools.profile("immuadmin").configVariable()).isEqualTo("IMMUADMIN_CONFIG");
  }

  @Test
  void aBadFileStopsTheToolWithStatus2AndOneLine() throws Exception {
    Path f = Files.writeString(tmp.resolve("c.toml"), "immudb-port = 1\nprot = 2\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    int status =
        Tools.run(
            new Immuadmin(console),
            "immuadmin",
            Tools.profile("immuadmin").withSearchPath(List.of(f)),
            new String[] {"status"},
            Map.of());
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("immuadmin: config file " + f + ", key 'prot': unknown key; the keys are: ")
        .hasLineCount(1);
  }
}
