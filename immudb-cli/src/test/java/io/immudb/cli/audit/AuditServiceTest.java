package io.immudb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.cli.Console;
import io.immudb.cli.Immuclient;
import io.immudb.ops.CommandRunner;
import io.immudb.ops.ConfigProfile;
import io.immudb.ops.ServiceDefinition;
import io.immudb.ops.ToolConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code immuclient audit-mode install|uninstall|start|stop|restart|status} with a staging root or
 * a recording runner, and the flags of {@code audit-mode -d}.
 */
class AuditServiceTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final List<List<String>> ran = new ArrayList<>();
  private final CommandRunner recording =
      command -> {
        ran.add(command);
        return new CommandRunner.Result(0, "");
      };

  /** Runs {@code immuclient args…} with the service actions' runner and user id replaced. */
  private int immuclient(long euid, String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            if (cls == AuditCommand.class) {
              return cls.cast(new AuditCommand(recording, () -> euid));
            }
            return CommandLine.defaultFactory().create(cls);
          }
        };
    Console console = new Console(out, new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    CommandLine cl = new CommandLine(new Immuclient(console), factory);
    cl.setErr(new PrintWriter(errBytes, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println(e.getMessage());
          return 1;
        });
    return cl.execute(args);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void installUnderARootWritesTheUnitAndAPrivateConfigWithTheAuditSettings() throws Exception {
    Path root = tmp.resolve("root");
    int status =
        immuclient(
            1000,
            "-a",
            "db.example",
            "-p",
            "3323",
            "audit-mode",
            "--audit-password",
            "s\"cret",
            "--audit-interval",
            "5m",
            "--audit-databases",
            "a,b",
            "--audit-monitoring-port",
            "9555",
            "install",
            "--root",
            root.toString(),
            "--executable",
            "/opt/immudb/bin/immuclient");
    assertThat(status).as(err()).isZero();
    assertThat(ran).isEmpty();
    String unit = Files.readString(root.resolve("etc/systemd/system/immuclient-audit.service"));
    assertThat(unit)
        .contains(
            "ExecStart=/opt/immudb/bin/immuclient --config /etc/immudb/immuclient.toml"
                + " audit-mode\n")
        .contains("User=immuclient-audit\n")
        .contains("WorkingDirectory=/var/lib/immuclient-audit\n")
        .contains("Environment=IMMUDB_NO_BUILD=1\n");
    Path config = root.resolve("etc/immudb/immuclient.toml");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-r-----");
    assertThat(Files.readString(config))
        .contains("immudb-address = \"db.example\"\n")
        .contains("immudb-port = 3323\n")
        .contains("roots-filepath = \"/var/lib/immuclient-audit/roots\"\n")
        .contains("audit-password = \"s\\\"cret\"\n")
        .contains("audit-interval = \"300s\"\n")
        .contains("audit-databases = \"a,b\"\n")
        .contains("audit-monitoring-port = 9555\n")
        .doesNotContain("detached", "audit-rounds");
    assertThat(root.resolve("var/lib/immuclient-audit")).isDirectory();
    assertThat(outBytes.toString(StandardCharsets.UTF_8))
        .contains("would run: useradd --system --user-group --home-dir /var/lib/immuclient-audit")
        .contains("would run: chown root:immuclient-audit " + config)
        .contains("would run: systemctl enable immuclient-audit.service")
        .contains("would run: systemctl start immuclient-audit.service");

    // What the service will read back is what was given.
    AuditorOptions o = readBack(config);
    assertThat(o.serverAddress()).isEqualTo("db.example:3323");
    assertThat(o.password()).isEqualTo("s\"cret");
    assertThat(o.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(o.databases()).containsExactly("a", "b");
    assertThat(o.monitoringPort()).isEqualTo(9555);
    assertThat(o.statesDir()).isEqualTo(Path.of("/var/lib/immuclient-audit/roots"));

    for (String action : List.of("start", "stop", "restart", "status")) {
      assertThat(immuclient(1000, "audit-mode", action, "--root", root.toString()))
          .as(action)
          .isZero();
      String expected = action.equals("status") ? "status --no-pager" : action;
      assertThat(outBytes.toString(StandardCharsets.UTF_8))
          .contains("would run: systemctl " + expected + " immuclient-audit.service");
    }
    assertThat(
            immuclient(1000, "audit-mode", "uninstall", "--root", root.toString(), "--remove-data"))
        .as(err())
        .isZero();
    assertThat(root.resolve("etc/systemd/system/immuclient-audit.service")).doesNotExist();
    assertThat(root.resolve("var/lib/immuclient-audit")).doesNotExist();
    assertThat(config).doesNotExist();
  }

  /** The audit-mode options immuclient parses with {@code --config file} and nothing else. */
  private static AuditorOptions readBack(Path file) {
    CommandLine cl = new CommandLine(new Immuclient(Console.system()));
    ConfigProfile profile =
        new ConfigProfile("immuclient", "IMMUCLIENT_", List.of(), Set.of(), Set.of("audit-mode"));
    String[] args = {"--config", file.toString(), "audit-mode"};
    ToolConfig config = ToolConfig.install(cl, profile, args, Map.of(), w -> {});
    assertThat(config.error()).isEmpty();
    cl.parseArgs(args);
    return ((AuditCommand) cl.getSubcommands().get("audit-mode").getCommand()).options();
  }

  @Test
  void withoutARootOnlyRootMayChangeTheService() {
    for (String action : List.of("install", "uninstall", "start", "stop", "restart")) {
      assertThat(immuclient(1000, "audit-mode", "--audit-password", "x", action))
          .as(action)
          .isEqualTo(1);
    }
    assertThat(ran).isEmpty();
    assertThat(err()).contains("must run as root (e.g. sudo immuclient audit-mode ...)");
  }

  @Test
  void installNeedsValidAuditSettings() {
    Path root = tmp.resolve("root");
    assertThat(immuclient(0, "audit-mode", "install", "--root", root.toString())).isEqualTo(2);
    assertThat(err()).contains("--audit-password is required");
    assertThat(root).doesNotExist();
  }

  @Test
  void theDefinitionRunsAuditModeWithTheConfigFile() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("audit-password", "pw");
    settings.put("audit-notification-url", null);
    settings.put("audit-verify-values", true);
    ServiceDefinition d = AuditService.definition(Path.of("/x/bin/immuclient"), settings);
    assertThat(d.name()).isEqualTo("immuclient-audit");
    assertThat(d.execStart())
        .containsExactly(
            "/x/bin/immuclient", "--config", "/etc/immudb/immuclient.toml", "audit-mode");
    assertThat(d.configFile()).isEqualTo(Path.of("/etc/immudb/immuclient.toml"));
    assertThat(d.configContent())
        .contains("audit-password = \"pw\"\n", "audit-verify-values = true\n")
        .doesNotContain("audit-notification-url");
    assertThat(AuditService.quote("a\\b\n\u0001")).isEqualTo("\"a\\\\b\\n\\u0001\"");
  }

  @Test
  void theDefaultLauncherIsBinImmuclientOfThisCheckout() {
    assertThat(AuditService.defaultLauncher())
        .hasValueSatisfying(p -> assertThat(p.toString()).endsWith("/bin/immuclient"));
  }

  @Test
  void detachedDropsOnlyAuditModesDetachFlag() {
    assertThat(
            AuditDetach.withoutDetach(
                new String[] {
                  "-a", "h", "audit-mode", "-d", "--audit-password", "p", "--detached"
                }))
        .containsExactly("-a", "h", "audit-mode", "--audit-password", "p");
    assertThat(AuditDetach.withoutDetach(new String[] {"audit-mode", "--detached=true", "-x"}))
        .containsExactly("audit-mode", "-x");
    assertThat(AuditDetach.probeHost("0.0.0.0")).isEqualTo("127.0.0.1");
    assertThat(AuditDetach.probeHost("10.1.2.3")).isEqualTo("10.1.2.3");
  }

  @Test
  void detachedNeedsAFixedMonitoringPort() {
    assertThat(
            immuclient(
                1000, "audit-mode", "-d", "--audit-password", "x", "--audit-monitoring-port", "0"))
        .isEqualTo(2);
    assertThat(err()).contains("--audit-monitoring-port must not be 0 with -d/--detached");
  }
}
