package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The systemd installer against a temporary root and a recording fake runner. */
class SystemdServiceInstallerTest {
  @TempDir Path root;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private static ServiceDefinition immudbLike() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("IMMUDB_NO_BUILD", "1");
    env.put("JAVA_HOME", "/usr/lib/jvm/java-17");
    return new ServiceDefinition(
        "immudb",
        "immudb: immutable database",
        "immu",
        List.of("/opt/immudb/bin/immudb", "--config", "/etc/immudb/immudb.toml"),
        env,
        Path.of("/var/lib/immudb"),
        Path.of("/etc/immudb/immudb.toml"),
        "dir = \"/var/lib/immudb\"\n",
        List.of(Path.of("/var/lib/immudb"), Path.of("/var/log/immudb")),
        65536);
  }

  private SystemdServiceInstaller installer(RecordingRunner runner) {
    return new SystemdServiceInstaller(immudbLike(), root, runner, out);
  }

  @Test
  void installWritesFilesCreatesTheUserAndStartsTheService() throws Exception {
    RecordingRunner runner = new RecordingRunner().answer("getent passwd immu", 2, "");
    installer(runner).install();

    Path unit = root.resolve("etc/systemd/system/immudb.service");
    assertThat(Files.readString(unit))
        .contains("ExecStart=/opt/immudb/bin/immudb --config /etc/immudb/immudb.toml\n")
        .contains("User=immu\n")
        .contains("Restart=on-failure\n")
        .contains("LimitNOFILE=65536\n")
        .contains("Environment=IMMUDB_NO_BUILD=1\n");
    assertThat(Files.readString(root.resolve("etc/immudb/immudb.toml")))
        .isEqualTo("dir = \"/var/lib/immudb\"\n");
    assertThat(root.resolve("var/lib/immudb")).isDirectory();
    assertThat(root.resolve("var/log/immudb")).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(unit)))
        .isEqualTo("rw-r--r--");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("etc/immudb/immudb.toml"))))
        .isEqualTo("rw-r-----");
    assertThat(runner.commands)
        .containsExactly(
            "getent passwd immu",
            "useradd --system --user-group --home-dir /var/lib/immudb --no-create-home"
                + " --shell /usr/sbin/nologin --comment immudb service immu",
            "chown -R immu:immu "
                + root.resolve("var/lib/immudb")
                + " "
                + root.resolve("var/log/immudb"),
            "chown root:immu " + root.resolve("etc/immudb/immudb.toml"),
            "systemctl daemon-reload",
            "systemctl enable immudb.service",
            "systemctl start immudb.service");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("created system user immu")
        .contains("service immudb installed and started");
  }

  @Test
  void reinstallKeepsTheConfigurationAndAnExistingUser() throws Exception {
    Path config = root.resolve("etc/immudb/immudb.toml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "port = 4000\n");
    RecordingRunner runner = new RecordingRunner(); // getent answers 0: the user exists
    installer(runner).install();
    assertThat(Files.readString(config)).isEqualTo("port = 4000\n");
    assertThat(runner.commands).noneMatch(c -> c.startsWith("useradd"));
    assertThat(runner.commands).noneMatch(c -> c.startsWith("chown root:"));
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("kept existing " + config);
  }

  @Test
  void aFailingCommandStopsTheInstallWithItsOutput() throws Exception {
    RecordingRunner runner =
        new RecordingRunner().answer("systemctl enable", 1, "Failed to enable unit: denied\n");
    assertThatThrownBy(() -> installer(runner).install())
        .isInstanceOfSatisfying(
            CommandFailedException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(1);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "'systemctl enable immudb.service' failed with exit status 1:"
                          + " Failed to enable unit: denied");
            });
    assertThat(runner.commands).doesNotContain("systemctl start immudb.service");
  }

  @Test
  void uninstallRemovesTheUnitAndKeepsData() throws Exception {
    installer(new RecordingRunner()).install();
    Path data = Files.writeString(root.resolve("var/lib/immudb/immudb.identifier"), "id");
    RecordingRunner runner = new RecordingRunner();
    installer(runner).uninstall(false);
    assertThat(root.resolve("etc/systemd/system/immudb.service")).doesNotExist();
    assertThat(data).exists();
    assertThat(root.resolve("etc/immudb/immudb.toml")).exists();
    assertThat(runner.commands)
        .containsExactly(
            "systemctl stop immudb.service",
            "systemctl disable immudb.service",
            "systemctl daemon-reload");
  }

  @Test
  void uninstallWithRemoveDataDeletesDataLogsAndConfiguration() throws Exception {
    installer(new RecordingRunner()).install();
    Files.createDirectories(root.resolve("var/lib/immudb/defaultdb/tx"));
    Files.writeString(root.resolve("var/lib/immudb/defaultdb/tx/00000000.tx"), "data");
    Files.writeString(root.resolve("var/log/immudb/immudb.log"), "log");
    installer(new RecordingRunner()).uninstall(true);
    assertThat(root.resolve("var/lib/immudb")).doesNotExist();
    assertThat(root.resolve("var/log/immudb")).doesNotExist();
    assertThat(root.resolve("etc/immudb/immudb.toml")).doesNotExist();
    assertThat(root.resolve("etc")).isDirectory(); // only what the service owned went
  }

  @Test
  void uninstallOfAServiceNotInstalledFailsClearly() {
    RecordingRunner runner = new RecordingRunner();
    assertThatThrownBy(() -> installer(runner).uninstall(false))
        .hasMessage(
            "service immudb is not installed: no "
                + root.resolve("etc/systemd/system/immudb.service"));
    assertThat(runner.commands).isEmpty();
  }

  @Test
  void controlAndStatusGoThroughSystemctl() throws Exception {
    RecordingRunner runner =
        new RecordingRunner().answer("systemctl status", 3, "immudb.service - inactive (dead)\n");
    SystemdServiceInstaller i = installer(runner);
    i.control("start");
    i.control("stop");
    i.control("restart");
    assertThat(i.status()).isEqualTo(3);
    assertThat(runner.commands)
        .containsExactly(
            "systemctl start immudb.service",
            "systemctl stop immudb.service",
            "systemctl restart immudb.service",
            "systemctl status --no-pager immudb.service");
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("inactive (dead)");
    assertThatThrownBy(() -> i.control("reload")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pathsStayUnderTheRoot() {
    SystemdServiceInstaller i = installer(new RecordingRunner());
    assertThat(i.resolve(Path.of("/etc/x"))).isEqualTo(root.resolve("etc/x"));
    assertThat(
            new SystemdServiceInstaller(immudbLike(), Path.of("/"), new RecordingRunner(), out)
                .unitFile())
        .isEqualTo(Path.of("/etc/systemd/system/immudb.service"));
  }
}
