package io.immudb.gw;

import io.immudb.ops.CommandRunner;
import io.immudb.ops.DryRunCommandRunner;
import io.immudb.ops.InitSystem;
import io.immudb.ops.ServiceInstaller;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code immugw [flags] service install|uninstall|start|stop|restart|status}: immugw as the systemd
 * service {@value GatewayService#NAME} ({@link GatewayService}), installed with the settings in
 * effect (flags before {@code service}, {@code IMMUGW_*} variables, the configuration file). Every
 * action but status needs root, unless {@code --root} points at a staging directory, where files
 * are written under it and commands are printed, not run.
 */
@Command(
    name = "service",
    mixinStandardHelpOptions = true,
    description = "Manage the immugw systemd service.")
final class ServiceCommand {
  @ParentCommand GatewayCommand parent;

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

  ServiceCommand(PrintStream out, CommandRunner runner, LongSupplier euid) {
    this.out = out;
    this.runner = runner;
    this.euid = euid;
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = "Install, enable and start the service with the settings given.")
  int install(
      @Option(
              names = "--executable",
              paramLabel = "PATH",
              description = "the program the service runs (default: bin/immugw of this install)")
          Path executable)
      throws IOException {
    GatewayOptions o = parent.options();
    Path exe =
        executable != null
            ? executable
            : io.immudb.ops.Launchers.installedLauncher(Immugw.class, "immugw").orElse(null);
    if (exe == null) {
      throw new IOException("cannot tell which launcher the service should run; use --executable");
    }
    exe = exe.toAbsolutePath().normalize();
    if (root == null && !Files.isExecutable(exe)) {
      throw new IOException("--executable " + exe + " is not an executable file");
    }
    installer(true, exe, o).install();
    return 0;
  }

  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description = "Stop, disable and remove the service; keep its states unless --remove-data.")
  int uninstall(
      @Option(
              names = "--remove-data",
              description =
                  "also delete " + GatewayService.HOME_DIR + " and " + GatewayService.CONFIG)
          boolean removeData)
      throws IOException {
    installer(true, null, null).uninstall(removeData);
    return 0;
  }

  @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the service.")
  int start() throws IOException {
    installer(true, null, null).control("start");
    return 0;
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the service.")
  int stop() throws IOException {
    installer(true, null, null).control("stop");
    return 0;
  }

  @Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart the service.")
  int restart() throws IOException {
    installer(true, null, null).control("restart");
    return 0;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show the service's status (systemctl status); exit 3 when it is not running.")
  int status() throws IOException {
    return installer(false, null, null).status();
  }

  private ServiceInstaller installer(boolean needsRoot, Path exe, GatewayOptions o)
      throws IOException {
    CommandRunner r;
    if (root != null) {
      r = new DryRunCommandRunner(out);
    } else {
      if (needsRoot && euid.getAsLong() != 0) {
        throw new IOException("must run as root (e.g. sudo immugw service ...)");
      }
      if (!Files.isDirectory(InitSystem.SYSTEMD.marker())) {
        throw new IOException(
            "systemd is not running here (no /run/systemd/system); only systemd is supported");
      }
      r = runner;
    }
    GatewayOptions settings = o != null ? o : parent.options();
    return new ServiceInstaller(
        GatewayService.definition(
            exe != null ? exe : Path.of("/usr/bin/immugw"), settings, parent.signingKey),
        InitSystem.SYSTEMD,
        root == null ? Path.of("/") : root,
        r,
        out);
  }
}
