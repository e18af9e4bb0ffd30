package io.immudb.server;

import io.immudb.ops.CommandRunner;
import io.immudb.ops.DryRunCommandRunner;
import io.immudb.ops.InitSystem;
import io.immudb.ops.InitSystemConverter;
import io.immudb.ops.ServiceInstaller;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code immudb service install|uninstall|start|stop|restart|status}: runs immudb as a system
 * service under systemd (Linux), launchd (macOS) or rc.d (FreeBSD), chosen from {@code os.name} or
 * with {@code --init}. Install writes the service manager's definition (running the launcher with
 * {@code --config} and the configuration file of {@link ServiceLayout}, as user {@value
 * ServiceLayout#USER}), the configuration file (data directory, log file, pid file), creates the
 * user (not on macOS) and directories, and enables and starts the service. Every action but status
 * needs root, unless {@code --root} points at a staging directory, where files are written under it
 * and commands are printed, not run.
 */
@Command(
    name = "service",
    mixinStandardHelpOptions = true,
    description = "Manage the immudb system service (systemd, launchd or rc.d).")
final class ServiceCommand {
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

  @Option(
      names = "--init",
      scope = ScopeType.INHERIT,
      paramLabel = "SYSTEM",
      converter = InitSystemConverter.class,
      description =
          "the service manager: systemd (Linux), launchd (macOS) or rcd (FreeBSD);"
              + " default: this operating system's")
  InitSystem init;

  /**
   * @param out receives progress lines
   * @param runner runs the account, chown and service manager commands (when no {@code --root} is
   *     given)
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
    ServiceInstaller installer = installer(true, exe);
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
              description = "also delete the data and log directories and the configuration file")
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
      description =
          "Show the service's status (systemctl status, launchctl print or service status);"
              + " exit non-zero when it is not running.")
  int status() throws IOException {
    return installer(false, null).status();
  }

  /**
   * The installer for this invocation; {@code exe} is the launcher (only install writes it into the
   * definition, so other actions pass null and get a placeholder).
   */
  private ServiceInstaller installer(boolean needsRoot, Path exe) throws IOException {
    InitSystem system;
    try {
      system = init != null ? init : InitSystem.forOs(System.getProperty("os.name"));
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    CommandRunner r;
    if (root != null) {
      r = new DryRunCommandRunner(out);
    } else {
      if (needsRoot && euid.getAsLong() != 0) {
        throw new IOException("must run as root (e.g. sudo immudb service ...)");
      }
      if (!Files.exists(system.marker())) {
        throw new IOException(
            system + " is not running here (no " + system.marker() + "); choose one with --init");
      }
      r = runner;
    }
    Path program = exe != null ? exe : Path.of("/usr/sbin/immudb");
    return new ServiceInstaller(
        ServiceLayout.of(system).definition(program),
        system,
        root == null ? Path.of("/") : root,
        r,
        out);
  }

  /**
   * bin/immudb of the installation this server runs from: a checkout (the jar in {@code
   * <checkout>/immudb-server/target/}) or an unpacked release archive.
   */
  static Optional<Path> defaultLauncher() {
    return io.immudb.ops.Launchers.installedLauncher(ImmudbMain.class, "immudb");
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
                  + ServiceLayout.USER
                  + " may not be able to run "
                  + exe);
          return;
        }
      } catch (IOException | UnsupportedOperationException e) {
        return;
      }
    }
  }

  /** The effective user id of this process; -1 when it cannot be read. */
  static long effectiveUid() {
    return io.immudb.ops.Launchers.effectiveUid();
  }
}
