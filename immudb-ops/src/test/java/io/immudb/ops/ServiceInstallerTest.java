package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The installer against a temporary root and a recording fake runner: systemd in depth, and what
 * differs for launchd and rc.d (paths, modes, commands).
 */
class ServiceInstallerTest {
  @TempDir Path root;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private static ServiceDefinition immudbLike() {
    return ServiceFixtures.immudbLike(InitSystem.SYSTEMD);
  }

  private ServiceInstaller installer(RecordingRunner runner) {
    return installer(InitSystem.SYSTEMD, runner);
  }

  private ServiceInstaller installer(InitSystem init, CommandRunner runner) {
    return new ServiceInstaller(ServiceFixtures.immudbLike(init), init, root, runner, out);
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
    ServiceInstaller i = installer(runner);
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
    ServiceInstaller i = installer(new RecordingRunner());
    assertThat(i.resolve(Path.of("/etc/x"))).isEqualTo(root.resolve("etc/x"));
    assertThat(
            new ServiceInstaller(
                    immudbLike(), InitSystem.SYSTEMD, Path.of("/"), new RecordingRunner(), out)
                .definitionFile())
        .isEqualTo(Path.of("/etc/systemd/system/immudb.service"));
  }

  @ParameterizedTest
  @EnumSource(InitSystem.class)
  void stagingWritesEachDefinitionAtItsPathWithItsMode(InitSystem init) throws Exception {
    ServiceInstaller i = installer(init, new DryRunCommandRunner(out));
    i.install();
    String relative =
        switch (init) {
          case SYSTEMD -> "etc/systemd/system/immudb.service";
          case LAUNCHD -> "Library/LaunchDaemons/io.immudb.immudb.plist";
          case RCD -> "usr/local/etc/rc.d/immudb";
        };
    Path file = root.resolve(relative);
    assertThat(i.definitionFile()).isEqualTo(file);
    assertThat(Files.readString(file))
        .isEqualTo(init.manager().render(ServiceFixtures.immudbLike(init)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo(init == InitSystem.RCD ? "rwxr-xr-x" : "rw-r--r--");
    ServiceDefinition def = ServiceFixtures.immudbLike(init);
    for (Path d : def.directories()) {
      assertThat(i.resolve(d)).isDirectory();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(i.resolve(d))))
          .isEqualTo("rwxr-x---");
    }
    assertThat(i.resolve(def.configFile())).hasContent(def.configContent());

    i.uninstall(true);
    assertThat(file).doesNotExist();
    assertThat(i.resolve(def.directories().get(0))).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(InitSystem.class)
  void aDryRunPrintsEachSystemsCommands(InitSystem init) throws Exception {
    ServiceInstaller i = installer(init, new DryRunCommandRunner(out));
    i.install();
    i.install(); // a reinstall
    i.control("stop");
    i.control("start");
    i.control("restart");
    i.status();
    i.uninstall(false);
    ServiceDefinition def = ServiceFixtures.immudbLike(init);
    String data = i.resolve(def.directories().get(0)).toString();
    String logs = i.resolve(def.directories().get(1)).toString();
    String config = i.resolve(def.configFile()).toString();
    String file = i.definitionFile().toString();
    List<String> account =
        switch (init) {
          case SYSTEMD ->
              List.of(
                  "getent passwd immu",
                  "useradd --system --user-group --home-dir /var/lib/immudb --no-create-home"
                      + " --shell /usr/sbin/nologin --comment immudb service immu");
          case LAUNCHD -> List.of("id -u immu");
          case RCD ->
              List.of(
                  "getent passwd immu",
                  "pw useradd -n immu -c immudb service -d /var/db/immudb -s /usr/sbin/nologin");
        };
    List<String> owners = List.of("chown -R immu:immu " + data + " " + logs);
    List<String> expected =
        switch (init) {
          case SYSTEMD ->
              concat(
                  account,
                  owners,
                  List.of(
                      "chown root:immu " + config,
                      "systemctl daemon-reload",
                      "systemctl enable immudb.service",
                      "systemctl start immudb.service"),
                  account,
                  owners,
                  List.of(
                      "systemctl daemon-reload",
                      "systemctl enable immudb.service",
                      "systemctl start immudb.service",
                      "systemctl stop immudb.service",
                      "systemctl start immudb.service",
                      "systemctl restart immudb.service",
                      "systemctl status --no-pager immudb.service",
                      "systemctl stop immudb.service",
                      "systemctl disable immudb.service",
                      "systemctl daemon-reload"));
          case LAUNCHD ->
              concat(
                  account,
                  owners,
                  List.of(
                      "chown root:immu " + config,
                      "launchctl enable system/io.immudb.immudb",
                      "launchctl bootstrap system " + file),
                  account,
                  owners,
                  List.of(
                      "launchctl bootout system/io.immudb.immudb",
                      "launchctl enable system/io.immudb.immudb",
                      "launchctl bootstrap system " + file,
                      "launchctl bootout system/io.immudb.immudb",
                      "launchctl bootstrap system " + file,
                      "launchctl kickstart -k system/io.immudb.immudb",
                      "launchctl print system/io.immudb.immudb",
                      "launchctl bootout system/io.immudb.immudb"));
          case RCD ->
              concat(
                  account,
                  owners,
                  List.of(
                      "chown root:immu " + config,
                      "sysrc immudb_enable=YES",
                      "service immudb start"),
                  account,
                  owners,
                  List.of(
                      "service immudb stop",
                      "sysrc immudb_enable=YES",
                      "service immudb start",
                      "service immudb stop",
                      "service immudb start",
                      "service immudb restart",
                      "service immudb status",
                      "service immudb stop",
                      "sysrc -x immudb_enable"));
        };
    assertThat(
            printed
                .toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith("would run: "))
                .map(l -> l.substring("would run: ".length())))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void launchdUnloadsBeforeRewritingAndIgnoresABootoutOfNoService() throws Exception {
    RecordingRunner runner =
        new RecordingRunner()
            .answer("launchctl bootout", 3, "Boot-out failed: 3: No such process\n");
    installer(InitSystem.LAUNCHD, runner).install();
    installer(InitSystem.LAUNCHD, runner).install();
    installer(InitSystem.LAUNCHD, runner).uninstall(false);
    String plist = root.resolve("Library/LaunchDaemons/io.immudb.immudb.plist").toString();
    assertThat(runner.commands.stream().filter(c -> c.startsWith("launchctl")))
        .containsExactly(
            "launchctl enable system/io.immudb.immudb",
            "launchctl bootstrap system " + plist,
            "launchctl bootout system/io.immudb.immudb",
            "launchctl enable system/io.immudb.immudb",
            "launchctl bootstrap system " + plist,
            "launchctl bootout system/io.immudb.immudb");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("ignored: 'launchctl bootout system/io.immudb.immudb' exited with status 3")
        .contains("service immudb uninstalled");
    assertThat(Path.of(plist)).doesNotExist();
  }

  @Test
  void launchdNeedsAnExistingAccount() {
    RecordingRunner runner =
        new RecordingRunner().answer("id -u immu", 1, "id: immu: no such user\n");
    assertThatThrownBy(() -> installer(InitSystem.LAUNCHD, runner).install())
        .hasMessageContaining("user immu does not exist and is not created on this system")
        .hasMessageContaining("docs/ops/process.md");
    assertThat(runner.commands).containsExactly("id -u immu");
    assertThat(root.resolve("Library")).doesNotExist();
  }

  @Test
  void aDefinitionTheManagerCannotWriteChangesNothing() {
    ServiceDefinition spaced =
        new ServiceDefinition(
            "immudb",
            "d",
            "immu",
            List.of("/opt/my immudb/bin/immudb"),
            java.util.Map.of(),
            Path.of("/var/db/immudb"),
            Path.of("/usr/local/etc/immudb/immudb.toml"),
            "",
            List.of(Path.of("/var/db/immudb")),
            Path.of("/var/db/immudb/console.log"),
            1);
    RecordingRunner runner = new RecordingRunner();
    assertThatThrownBy(
            () -> new ServiceInstaller(spaced, InitSystem.RCD, root, runner, out).install())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'/opt/my immudb/bin/immudb'");
    assertThat(runner.commands).isEmpty();
    assertThat(root).isEmptyDirectory();
  }

  @Test
  void anRcdStartThatFailsFailsTheInstall() {
    RecordingRunner runner =
        new RecordingRunner().answer("service immudb start", 1, "immudb already running?\n");
    assertThatThrownBy(() -> installer(InitSystem.RCD, runner).install())
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("'service immudb start' failed with exit status 1");
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }
}
