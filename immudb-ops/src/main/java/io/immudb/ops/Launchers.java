package io.immudb.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the service commands need to know about the running program: the {@code bin/} launcher of
 * the installation it runs from, and the user it runs as. Stateless and thread-safe.
 */
public final class Launchers {
  /**
   * How many directories above the code's own directory are searched for {@code bin/}: a checkout
   * keeps the code in {@code <checkout>/<module>/target/} (three up), a release archive in {@code
   * <archive>/lib/} (one up) or {@code <archive>/lib/<module>/} (two up).
   */
  static final int SEARCH_DEPTH = 3;

  private Launchers() {}

  /**
   * The launcher {@code bin/<name>} of the installation whose code holds {@code codeOf}: a checkout
   * or an unpacked release archive; empty if no executable one is found.
   */
  public static Optional<Path> installedLauncher(Class<?> codeOf, String name) {
    try {
      Path code = Path.of(codeOf.getProtectionDomain().getCodeSource().getLocation().toURI());
      return launcherNear(code, name);
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The nearest executable {@code <dir>/bin/<name>}, for {@code dir} the directory holding {@code
   * code} (a jar or a classes directory) and its ancestors up to {@value #SEARCH_DEPTH} levels.
   * Symbolic links are kept: code loaded through {@code /opt/immudb/current/lib} gives {@code
   * /opt/immudb/current/bin/<name>}, which follows an upgrade that moves the link. (The launchers
   * in {@code bin/} resolve their own links, so they load code through the real path.)
   */
  static Optional<Path> launcherNear(Path code, String name) {
    Path dir = code.toAbsolutePath().normalize().getParent();
    for (int i = 0; i < SEARCH_DEPTH && dir != null; i++, dir = dir.getParent()) {
      Path launcher = dir.resolve("bin").resolve(name);
      if (Files.isRegularFile(launcher) && Files.isExecutable(launcher)) {
        return Optional.of(launcher);
      }
    }
    return Optional.empty();
  }

  /**
   * The effective user id of this process: on Linux from {@code /proc/self/status}; elsewhere
   * (macOS, FreeBSD) the JDK's user id of the process, which is the real one (equal to the
   * effective one under sudo); -1 when neither can be read.
   */
  public static long effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no procfs: ask the JDK below
    }
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid();
    } catch (LinkageError | RuntimeException e) {
      return -1;
    }
  }
}
