package io.immudb.ops;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The service managers a {@link ServiceInstaller} writes a definition for: systemd (Linux), launchd
 * (macOS) and rc.d (FreeBSD). Windows has none here: its service wrappers run {@code
 * bin\immudb.cmd} (see {@code docs/ops/process.md}). Immutable and thread-safe.
 */
public enum InitSystem {
  /** systemd: a unit in {@code /etc/systemd/system}, controlled with systemctl. */
  SYSTEMD("systemd", Path.of("/run/systemd/system")),
  /** launchd: a property list in {@code /Library/LaunchDaemons}, controlled with launchctl. */
  LAUNCHD("launchd", Path.of("/bin/launchctl")),
  /** FreeBSD's rc.d: a script in {@code /usr/local/etc/rc.d}, controlled with service(8). */
  RCD("rcd", Path.of("/etc/rc.subr"));

  private final String cliName;
  private final Path marker;

  InitSystem(String cliName, Path marker) {
    this.cliName = cliName;
    this.marker = marker;
  }

  /** The name used on the command line ({@code --init systemd|launchd|rcd}). */
  public String cliName() {
    return cliName;
  }

  /** A path that exists only where this service manager runs (checked before live changes). */
  public Path marker() {
    return marker;
  }

  @Override
  public String toString() {
    return cliName;
  }

  /** What renders this system's definition and names its commands. */
  ServiceManager manager() {
    return switch (this) {
      case SYSTEMD -> SystemdManager.INSTANCE;
      case LAUNCHD -> LaunchdManager.INSTANCE;
      case RCD -> RcdManager.INSTANCE;
    };
  }

  /**
   * The system named {@code name} on the command line, ignoring case.
   *
   * @throws IllegalArgumentException if there is none, listing the names
   */
  public static InitSystem parse(String name) {
    for (InitSystem s : values()) {
      if (s.cliName.equalsIgnoreCase(name.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown service manager '" + name + "'; choose one of " + names());
  }

  /**
   * The service manager of the operating system {@code osName} (Java's {@code os.name}).
   *
   * @throws IllegalArgumentException if this project writes none for that system
   */
  public static InitSystem forOs(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("linux")) {
      return SYSTEMD;
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return LAUNCHD;
    }
    if (os.startsWith("freebsd")) {
      return RCD;
    }
    if (os.startsWith("windows")) {
      throw new IllegalArgumentException(
          "no service definition is written on Windows; run bin\\immudb.cmd with a service"
              + " wrapper such as WinSW or NSSM (see docs/ops/process.md)");
    }
    throw new IllegalArgumentException(
        "no service manager known for " + osName + "; choose one with --init " + names());
  }

  private static String names() {
    return Arrays.stream(values()).map(InitSystem::cliName).collect(Collectors.joining("|"));
  }
}
