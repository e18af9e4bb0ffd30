package io.immudb.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the service commands need to know about the running program: the {@code bin/} launcher of
 * the checkout it was built in, and the user it runs as. Stateless and thread-safe.
 */
public final class Launchers {
  private Launchers() {}

  /**
   * The launcher {@code bin/<name>} of the checkout whose {@code <module>/target/*.jar} holds
   * {@code codeOf}, if it exists and is executable.
   */
  public static Optional<Path> checkoutLauncher(Class<?> codeOf, String name) {
    try {
      Path code = Path.of(codeOf.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path launcher = code.getParent().getParent().getParent().resolve("bin").resolve(name);
      return Files.isExecutable(launcher) ? Optional.of(launcher) : Optional.empty();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The effective user id of this process (Linux: from {@code /proc/self/status}); -1 when it
   * cannot be read.
   */
  public static long effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through: unknown
    }
    return -1;
  }
}
