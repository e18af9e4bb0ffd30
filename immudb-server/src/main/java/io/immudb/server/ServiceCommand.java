package io.immudb.server;

import io.immudb.ops.CommandRunner;
import io.immudb.ops.DryRunCommandRunner;
import io.immudb.ops.ServiceDefinition;
import io.immudb.ops.SystemdServiceInstaller;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code immudb service install|uninstall|start|stop|restart|status}: runs immudb as a systemd
 * service on Linux. Install writes {@value #UNIT} (running the launcher with {@code --config
 * }{@value #CONFIG} as user {@value #USER}), the configuration file (data in {@value #DATA_DIR},
 * log in {@value #LOG_FILE}, pid file {@value #PID_FILE}), creates the user and directories, and
 * enables and starts the service. Every action but status needs root, unless {@code --root} points
 * at a staging directory, where files are written under it and commands are printed, not run.
 */
@Command(
    name = "service",
    mixinStandardHelpOptions = true,
    description = "Manage the immudb systemd service (Linux).")
final class ServiceCommand {
  static final String NAME = "immudb";
  static final String USER = "immu";
  static final String CONFIG = "/etc/immudb/immudb.toml";
  static final String UNIT = "/etc/systemd/system/immudb.service";
  static final String DATA_DIR = "/var/lib/immudb";
  static final String LOG_DIR = "/var/log/immudb";
  static final String LOG_FILE = "/var/log/immudb/immudb.log";
  static final String PID_FILE = "/var/lib/immudb/immudb.pid";
  static final long LIMIT_NOFILE = 65536;

  private final PrintStream out;
  private final CommandRunner runner;
  private final LongSupplier euid;

  @Option(
      names = "--root",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description =
          "install under DIR instead of / and print the commands instead of running them"
              + " (for staging and tests)")
  Path root;

  /**
   * @param out receives progress lines
   * @param runner runs useradd, chown and systemctl (when no {@code --root} is given)
   * @param euid the effective user id of this process
   */
  ServiceCommand(PrintStream out, CommandRunner runner, LongSupplier euid) {
    this.out = out;
    this.runner = runner;
    this.euid = euid;
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = "Install, enable and start the service.")
  int install(
      @Option(
              names = "--executable",
              paramLabel = "PATH",
              description =
                  "the program the service runs (default: bin/immudb of this installation)")
          Path executable)
      throws IOException {
    Path exe = executable != null ? executable : defaultLauncher().orElse(null);
    if (exe == null) {
      throw new IOException("cannot tell which launcher the service should run; use --executable");
    }
    exe = exe.toAbsolutePath().normalize();
    if (root == null && !Files.isExecutable(exe)) {
      throw new IOException("--executable " + exe + " is not an executable file");
    }
    SystemdServiceInstaller installer = installer(true, exe);
    warnIfHidden(exe);
    installer.install();
    return 0;
  }

  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description = "Stop, disable and remove the service; keep data unless --remove-data.")
  int uninstall(
      @Option(
              names = "--remove-data",
              description = "also delete " + DATA_DIR + ", " + LOG_DIR + " and " + CONFIG)
          boolean removeData)
      throws IOException {
    installer(true, null).uninstall(removeData);
    return 0;
  }

  @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the service.")
  int start() throws IOException {
    installer(true, null).control("start");
    return 0;
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the service.")
  int stop() throws IOException {
    installer(true, null).control("stop");
    return 0;
  }

  @Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart the service.")
  int restart() throws IOException {
    installer(true, null).control("restart");
    return 0;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show the service's status (systemctl status); exit 3 when it is not running.")
  int status() throws IOException {
    return installer(false, null).status();
  }

  /**
   * The installer for this invocation; {@code exe} is the launcher (only install writes it into the
   * unit, so other actions pass null and get a placeholder).
   */
  private SystemdServiceInstaller installer(boolean needsRoot, Path exe) throws IOException {
    CommandRunner r;
    if (root != null) {
      r = new DryRunCommandRunner(out);
    } else {
      if (needsRoot && euid.getAsLong() != 0) {
        throw new IOException("must run as root (e.g. sudo immudb service ...)");
      }
      if (!Files.isDirectory(Path.of("/run/systemd/system"))) {
        throw new IOException(
            "systemd is not running here (no /run/systemd/system); only systemd is supported");
      }
      r = runner;
    }
    Path program = exe != null ? exe : Path.of("/usr/sbin/immudb");
    return new SystemdServiceInstaller(
        definition(program), root == null ? Path.of("/") : root, r, out);
  }

  /** immudb's service: what {@code immudb service install} writes. */
  static ServiceDefinition definition(Path launcher) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("IMMUDB_NO_BUILD", "1"); // the service account cannot (and must not) build
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return new ServiceDefinition(
        NAME,
        "immudb: immutable database with cryptographic proofs",
        USER,
        List.of(launcher.toString(), "--config", CONFIG),
        env,
        Path.of(DATA_DIR),
        Path.of(CONFIG),
        configContent(),
        List.of(Path.of(DATA_DIR), Path.of(LOG_DIR)),
        LIMIT_NOFILE);
  }

  /** The configuration file written on first install: TOML, keys are flag names. */
  static String configContent() {
    return "# immudb server configuration, written by `immudb service install`.\n"
        + "# Keys are the long flag names without their leading dashes (see `immudb --help`).\n"
        + "dir = \""
        + DATA_DIR
        + "\"\n"
        + "logfile = \""
        + LOG_FILE
        + "\"\n"
        + "pidfile = \""
        + PID_FILE
        + "\"\n";
  }

  /**
   * bin/immudb of the checkout this server runs from: the jar lives in {@code
   * <checkout>/immudb-server/target/}.
   */
  static Optional<Path> defaultLauncher() {
    return io.immudb.ops.Launchers.checkoutLauncher(ImmudbMain.class, "immudb");
  }

  /** Warns when the service account probably cannot reach the launcher (e.g. under /root). */
  private void warnIfHidden(Path exe) {
    for (Path p = exe.getParent(); p != null && p.getParent() != null; p = p.getParent()) {
      try {
        if (!java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
            .endsWith("x")) {
          out.println(
              "warning: "
                  + p
                  + " is not searchable by other users; user "
                  + USER
                  + " may not be able to run "
                  + exe);
          return;
        }
      } catch (IOException | UnsupportedOperationException e) {
        return;
      }
    }
  }

  /**
   * The effective user id of this process (Linux: from {@code /proc/self/status}); -1 when it
   * cannot be read.
   */
  static long effectiveUid() {
    return io.immudb.ops.Launchers.effectiveUid();
  }
}
