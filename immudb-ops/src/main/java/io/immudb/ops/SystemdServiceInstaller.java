package io.immudb.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Installs, removes and controls a {@link ServiceDefinition} as a systemd service: the unit file in
 * {@code /etc/systemd/system}, the configuration file, the service account and its directories.
 *
 * <p>Every path is resolved under a root directory ({@code /} on a real system; a staging or test
 * directory otherwise). Commands (getent, useradd, chown, systemctl) go through a {@link
 * CommandRunner}; their path arguments carry the root prefix, their account names do not. Progress
 * is printed one line per step. Not thread-safe; a service manager serializes the real operations.
 *
 * <p>Install is idempotent: it rewrites the unit, keeps an existing configuration file and existing
 * data. Uninstall keeps data, logs, configuration and the account unless asked to remove data (then
 * the directories and the configuration file go; the account stays, since files elsewhere may still
 * belong to it).
 */
public final class SystemdServiceInstaller {
  /** Where unit files written by an administrator live. */
  public static final Path UNIT_DIR = Path.of("/etc/systemd/system");

  private final ServiceDefinition def;
  private final Path root;
  private final CommandRunner runner;
  private final PrintStream out;

  /**
   * @param def the service
   * @param root the directory every path is resolved under ({@code /} for the live system)
   * @param runner runs the external commands
   * @param out receives one line per step
   */
  public SystemdServiceInstaller(
      ServiceDefinition def, Path root, CommandRunner runner, PrintStream out) {
    this.def = Objects.requireNonNull(def, "def");
    this.root = root.toAbsolutePath().normalize();
    this.runner = Objects.requireNonNull(runner, "runner");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** {@code path} (absolute on the target system) under the root. */
  public Path resolve(Path path) {
    return root.resolve(root.getRoot().relativize(path.toAbsolutePath()).toString());
  }

  /** The unit file, under the root. */
  public Path unitFile() {
    return resolve(UNIT_DIR.resolve(def.unitName()));
  }

  /**
   * Creates the account if missing, the directories, the configuration file (unless it exists) and
   * the unit file, then reloads systemd, enables and starts the service.
   *
   * @throws IOException if a file cannot be written or a command fails
   */
  public void install() throws IOException {
    ensureUser();
    List<String> chown = new ArrayList<>(List.of("chown", "-R", def.user() + ":" + def.user()));
    for (Path d : def.directories()) {
      Path dir = resolve(d);
      Files.createDirectories(dir);
      setMode(dir, "rwxr-x---");
      chown.add(dir.toString());
      out.println("directory " + dir);
    }
    run(chown);
    Path config = resolve(def.configFile());
    if (Files.exists(config)) {
      out.println("kept existing " + config);
    } else {
      Files.createDirectories(config.getParent());
      writeFile(config, def.configContent(), "rw-r-----");
      run(List.of("chown", "root:" + def.user(), config.toString()));
      out.println("wrote " + config);
    }
    Path unit = unitFile();
    Files.createDirectories(unit.getParent());
    writeFile(unit, SystemdUnit.render(def), "rw-r--r--");
    out.println("wrote " + unit);
    run(List.of("systemctl", "daemon-reload"));
    run(List.of("systemctl", "enable", def.unitName()));
    run(List.of("systemctl", "start", def.unitName()));
    out.println("service " + def.name() + " installed and started");
  }

  /**
   * Stops and disables the service and removes its unit file; with {@code removeData} also its
   * directories and configuration file.
   *
   * @throws IOException if the service is not installed, a file cannot be removed or a command
   *     fails
   */
  public void uninstall(boolean removeData) throws IOException {
    Path unit = unitFile();
    if (!Files.exists(unit)) {
      throw new IOException("service " + def.name() + " is not installed: no " + unit);
    }
    run(List.of("systemctl", "stop", def.unitName()));
    run(List.of("systemctl", "disable", def.unitName()));
    Files.delete(unit);
    out.println("removed " + unit);
    run(List.of("systemctl", "daemon-reload"));
    if (removeData) {
      for (Path d : def.directories()) {
        deleteTree(resolve(d));
      }
      Path config = resolve(def.configFile());
      if (Files.deleteIfExists(config)) {
        out.println("removed " + config);
      }
    } else {
      out.println(
          "kept data, logs and "
              + resolve(def.configFile())
              + " (uninstall --remove-data deletes them)");
    }
    out.println("service " + def.name() + " uninstalled");
  }

  /** Runs {@code systemctl start|stop|restart} on the service; throws if it fails. */
  public void control(String action) throws IOException {
    if (!List.of("start", "stop", "restart").contains(action)) {
      throw new IllegalArgumentException("action must be start, stop or restart, got " + action);
    }
    run(List.of("systemctl", action, def.unitName()));
    out.println("service " + def.name() + ": " + action + " done");
  }

  /**
   * Prints {@code systemctl status} of the service and returns its exit status (0 running, 3 not
   * running, 4 unknown unit: see {@code systemctl(1)}).
   */
  public int status() throws IOException {
    CommandRunner.Result r =
        runner.run(List.of("systemctl", "status", "--no-pager", def.unitName()));
    out.print(r.output());
    return r.exitCode();
  }

  private void ensureUser() throws IOException {
    CommandRunner.Result r = runner.run(List.of("getent", "passwd", def.user()));
    if (r.ok()) {
      out.println("user " + def.user() + " exists");
      return;
    }
    if (r.exitCode() != 2) { // getent: 2 = key not found
      throw new CommandFailedException(
          List.of("getent", "passwd", def.user()), r.exitCode(), r.output());
    }
    run(
        List.of(
            "useradd",
            "--system",
            "--user-group",
            "--home-dir",
            def.directories().get(0).toString(),
            "--no-create-home",
            "--shell",
            "/usr/sbin/nologin",
            "--comment",
            def.name() + " service",
            def.user()));
    out.println("created system user " + def.user());
  }

  private void run(List<String> command) throws IOException {
    CommandRunner.Result r = runner.run(command);
    if (!r.ok()) {
      throw new CommandFailedException(command, r.exitCode(), r.output());
    }
  }

  /**
   * Writes {@code file} atomically with permissions {@code mode}; the file is created with them, so
   * a secret in it (e.g. a password in a configuration file) is never readable by others.
   */
  private static void writeFile(Path file, String content, String mode) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
    }
    Files.writeString(tmp, content);
    setMode(tmp, mode); // createFile's mode is narrowed by the umask
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void setMode(Path p, String mode) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }
  }

  private void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    out.println("removed " + dir);
  }
}
