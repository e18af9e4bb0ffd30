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
 * Installs, removes and controls a {@link ServiceDefinition} as a system service: the definition
 * file of the chosen {@link InitSystem} (a systemd unit, a launchd property list or an rc.d
 * script), the configuration file, the service account and its directories.
 *
 * <p>Every path is resolved under a root directory ({@code /} on a real system; a staging or test
 * directory otherwise). Commands (account lookup and creation, chown, the service manager's) go
 * through a {@link CommandRunner}; their path arguments carry the root prefix, their account names
 * do not. Progress is printed one line per step. Not thread-safe; a service manager serializes the
 * real operations.
 *
 * <p>Install is idempotent: it rewrites the definition, keeps an existing configuration file and
 * existing data. Uninstall keeps data, logs, configuration and the account unless asked to remove
 * data (then the directories and the configuration file go; the account stays, since files
 * elsewhere may still belong to it).
 */
public final class ServiceInstaller {
  private final ServiceDefinition def;
  private final ServiceManager manager;
  private final Path root;
  private final CommandRunner runner;
  private final PrintStream out;

  /**
   * @param def the service
   * @param init the service manager to write the definition for
   * @param root the directory every path is resolved under ({@code /} for the live system)
   * @param runner runs the external commands
   * @param out receives one line per step
   */
  public ServiceInstaller(
      ServiceDefinition def, InitSystem init, Path root, CommandRunner runner, PrintStream out) {
    this.def = Objects.requireNonNull(def, "def");
    this.manager = init.manager();
    this.root = root.toAbsolutePath().normalize();
    this.runner = Objects.requireNonNull(runner, "runner");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** {@code path} (absolute on the target system) under the root. */
  public Path resolve(Path path) {
    return root.resolve(root.getRoot().relativize(path.toAbsolutePath()).toString());
  }

  /** The definition file (unit, property list or script), under the root. */
  public Path definitionFile() {
    return resolve(manager.definitionFile(def));
  }

  /**
   * Creates the account if missing, the directories, the configuration file (unless it exists) and
   * the definition file, then registers, enables and starts the service.
   *
   * @throws IOException if a file cannot be written or a command fails
   * @throws IllegalArgumentException if the definition cannot be written for this service manager
   *     (e.g. an rc.d script and a path with a space); nothing has changed then
   */
  public void install() throws IOException {
    String text = manager.render(def); // first: rendering may refuse the definition
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
    Path file = definitionFile();
    if (Files.exists(file)) {
      runAll(manager.beforeRewrite(def, file));
    }
    Files.createDirectories(file.getParent());
    writeFile(file, text, manager.definitionMode());
    out.println("wrote " + file);
    runAll(manager.afterWrite(def, file));
    out.println("service " + def.name() + " installed and started");
  }

  /**
   * Stops and disables the service and removes its definition file; with {@code removeData} also
   * its directories and configuration file.
   *
   * @throws IOException if the service is not installed, a file cannot be removed or a command
   *     fails
   */
  public void uninstall(boolean removeData) throws IOException {
    Path file = definitionFile();
    if (!Files.exists(file)) {
      throw new IOException("service " + def.name() + " is not installed: no " + file);
    }
    runAll(manager.beforeRemove(def, file));
    Files.delete(file);
    out.println("removed " + file);
    runAll(manager.afterRemove(def));
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

  /** Starts, stops or restarts the service through its manager; throws if that fails. */
  public void control(String action) throws IOException {
    if (!List.of("start", "stop", "restart").contains(action)) {
      throw new IllegalArgumentException("action must be start, stop or restart, got " + action);
    }
    run(manager.control(def, definitionFile(), action));
    out.println("service " + def.name() + ": " + action + " done");
  }

  /**
   * Prints the manager's status of the service and returns its exit status: {@code systemctl
   * status} (0 running, 3 not running, 4 unknown unit), {@code launchctl print} (0 loaded, non-zero
   * not loaded) or {@code service <name> status} (0 running, 1 not running).
   */
  public int status() throws IOException {
    CommandRunner.Result r = runner.run(manager.status(def));
    out.print(r.output());
    return r.exitCode();
  }

  private void ensureUser() throws IOException {
    List<String> lookup = manager.userLookup(def.user());
    CommandRunner.Result r = runner.run(lookup);
    if (r.ok()) {
      out.println("user " + def.user() + " exists");
      return;
    }
    if (r.exitCode() != manager.userNotFoundStatus()) {
      throw new CommandFailedException(lookup, r.exitCode(), r.output());
    }
    List<List<String>> creation = manager.userCreation(def);
    if (creation.isEmpty()) {
      throw new IOException(
          "user "
              + def.user()
              + " does not exist and is not created on this system; create it (and its group)"
              + " first, see docs/ops/process.md");
    }
    for (List<String> c : creation) {
      run(c);
    }
    out.println("created system user " + def.user());
  }

  private void runAll(List<ManagerCommand> commands) throws IOException {
    for (ManagerCommand c : commands) {
      CommandRunner.Result r = runner.run(c.argv());
      if (!r.ok()) {
        if (!c.bestEffort()) {
          throw new CommandFailedException(c.argv(), r.exitCode(), r.output());
        }
        out.println("ignored: '" + c + "' exited with status " + r.exitCode());
      }
    }
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
