package io.immudb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.ops.CommandRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code immudb service ...} through the command line, with a staging root or a fake runner. */
class ServiceCommandTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
  private final List<List<String>> ran = new ArrayList<>();
  private final CommandRunner recording =
      command -> {
        ran.add(command);
        return new CommandRunner.Result(0, "");
      };

  private int immudb(long euid, String... args) throws Exception {
    CommandLine cl =
        ImmudbMain.commandLine(Map.of(), out, err, new ServiceCommand(out, recording, () -> euid));
    CommandLine.ParseResult pr = cl.parseArgs(args);
    try {
      return new CommandLine.RunLast().execute(pr);
    } catch (CommandLine.ExecutionException e) {
      err.println(e.getCause().getMessage());
      return 1;
    }
  }

  @Test
  void installUnderARootWritesFilesAndOnlyPrintsCommands() throws Exception {
    Path root = tmp.resolve("root");
    int status =
        immudb(
            1000, "service", "install", "--root", root.toString(), "--executable", "/opt/x/immudb");
    assertThat(status).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(ran).isEmpty();
    String unit = Files.readString(root.resolve("etc/systemd/system/immudb.service"));
    assertThat(unit)
        .contains("ExecStart=/opt/x/immudb --config /etc/immudb/immudb.toml\n")
        .contains("User=immu\n")
        .contains("Restart=on-failure\n")
        .contains("LimitNOFILE=65536\n")
        .contains("Environment=IMMUDB_NO_BUILD=1\n");
    assertThat(Files.readString(root.resolve("etc/immudb/immudb.toml")))
        .contains("dir = \"/var/lib/immudb\"\n")
        .contains("logfile = \"/var/log/immudb/immudb.log\"\n")
        .contains("pidfile = \"/var/lib/immudb/immudb.pid\"\n");
    assertThat(root.resolve("var/lib/immudb")).isDirectory();
    assertThat(root.resolve("var/log/immudb")).isDirectory();
    assertThat(outBytes.toString(StandardCharsets.UTF_8))
        .contains("would run: getent passwd immu")
        .contains("would run: useradd --system --user-group --home-dir /var/lib/immudb")
        .contains("would run: systemctl daemon-reload")
        .contains("would run: systemctl enable immudb.service")
        .contains("would run: systemctl start immudb.service");

    assertThat(immudb(1000, "service", "--root", root.toString(), "uninstall", "--remove-data"))
        .isZero();
    assertThat(root.resolve("etc/systemd/system/immudb.service")).doesNotExist();
    assertThat(root.resolve("var/lib/immudb")).doesNotExist();
  }

  @ParameterizedTest
  @CsvSource({
    "launchd, Library/LaunchDaemons/io.immudb.immudb.plist, rw-r--r--, usr/local/etc/immudb/immudb.toml,"
        + " /usr/local/var/lib/immudb, /usr/local/var/log/immudb",
    "rcd, usr/local/etc/rc.d/immudb, rwxr-xr-x, usr/local/etc/immudb/immudb.toml,"
        + " /var/db/immudb, /var/log/immudb"
  })
  void initChoosesTheDefinitionAndTheLayout(
      String init, String definition, String mode, String config, String data, String logs)
      throws Exception {
    Path root = tmp.resolve("root");
    int status =
        immudb(
            1000,
            "service",
            "--init",
            init,
            "install",
            "--root",
            root.toString(),
            "--executable",
            "/opt/x/bin/immudb");
    assertThat(status).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(ran).isEmpty();
    Path file = root.resolve(definition);
    assertThat(Files.readString(file))
        .contains("/opt/x/bin/immudb")
        .contains("/" + config)
        .contains(data)
        .contains(logs + "/console.log");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo(mode);
    assertThat(Files.readString(root.resolve(config)))
        .contains("dir = \"" + data + "\"\n")
        .contains("logfile = \"" + logs + "/immudb.log\"\n")
        .contains("pidfile = \"" + data + "/immudb.pid\"\n");
    assertThat(root.resolve(data.substring(1))).isDirectory();
    assertThat(root.resolve(logs.substring(1))).isDirectory();
    assertThat(outBytes.toString(StandardCharsets.UTF_8))
        .contains(init.equals("rcd") ? "would run: service immudb start" : "would run: launchctl");

    assertThat(immudb(1000, "service", "--init", init, "--root", root.toString(), "uninstall"))
        .isZero();
    assertThat(file).doesNotExist();
    assertThat(root.resolve(data.substring(1))).isDirectory();
  }

  @Test
  void anUnknownInitIsAUsageError() throws Exception {
    assertThat(
            ImmudbMain.run(
                new String[] {"service", "--init", "upstart", "status"}, Map.of(), out, err))
        .isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .contains("unknown service manager 'upstart'; choose one of systemd|launchd|rcd");
  }

  @Test
  void aLiveActionChecksThatTheServiceManagerRunsHere() throws Exception {
    assertThat(immudb(0, "service", "--init", "rcd", "status")).isEqualTo(1);
    assertThat(ran).isEmpty();
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .contains("rcd is not running here (no /etc/rc.subr); choose one with --init");
  }

  @Test
  void withoutARootOnlyRootMayChangeTheService() throws Exception {
    for (String action : List.of("install", "uninstall", "start", "stop", "restart")) {
      assertThat(immudb(1000, "service", action)).isEqualTo(1);
    }
    assertThat(ran).isEmpty();
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .contains("must run as root (e.g. sudo immudb service ...)");
  }

  @Test
  void theDefaultLauncherIsBinImmudbOfThisInstallation() {
    assertThat(ServiceCommand.defaultLauncher())
        .hasValueSatisfying(p -> assertThat(p.toString()).endsWith("/bin/immudb"));
  }

  @Test
  void serverHelpListsTheServiceCommandAndTheNewFlags() throws Exception {
    int status = ImmudbMain.run(new String[] {"--help"}, Map.of(), out, err);
    assertThat(status).isZero();
    assertThat(outBytes.toString(StandardCharsets.UTF_8))
        .contains("service")
        .contains("--pidfile")
        .contains("--logfile")
        .contains("--logformat")
        .contains("--log-level")
        .contains("-d, --detached");
  }

  @Test
  void serviceHelpListsItsActions() throws Exception {
    assertThat(ImmudbMain.run(new String[] {"service", "--help"}, Map.of(), out, err)).isZero();
    assertThat(outBytes.toString(StandardCharsets.UTF_8))
        .contains("install", "uninstall", "start", "stop", "restart", "status");
  }

  @Test
  void serviceWithoutAnActionIsAUsageError() throws Exception {
    assertThat(ImmudbMain.run(new String[] {"service"}, Map.of(), out, err)).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .contains("immudb service: Missing required subcommand")
        .contains("Usage: immudb service");
  }

  @Test
  void effectiveUidIsReadOnLinux() {
    assertThat(ServiceCommand.effectiveUid()).isGreaterThanOrEqualTo(0);
  }
}
