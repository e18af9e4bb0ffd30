package io.immudb.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the databases live and how commits reach the disk: {@code --dir}, {@code --synced} and
 * {@code --maintenance} of {@code ServerFlags}, which holds their defaults. Immutable and
 * thread-safe.
 *
 * @param dir the data directory holding the databases, the lock and the identifier; a writable
 *     directory, or a path that can be created as one
 * @param synced whether a commit returns only once it is on disk
 * @param maintenance whether writes are refused
 */
public record StorageOptions(Path dir, boolean synced, boolean maintenance) {
  /**
   * Validates the settings; looks at the file system, not changing it.
   *
   * @throws ConfigException naming {@code dir} if it is not, and cannot become, a writable
   *     directory
   */
  public StorageOptions {
    Objects.requireNonNull(dir, "dir");
    checkDirWritable(dir);
  }

  private static void checkDirWritable(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      if (!Files.isDirectory(abs)) {
        throw new ConfigException("dir", "dir " + dir + " exists and is not a directory");
      }
      if (!Files.isWritable(abs)) {
        throw new ConfigException("dir", "dir " + dir + " is not writable");
      }
      return;
    }
    Path parent = abs.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      throw new ConfigException(
          "dir", "dir " + dir + " cannot be created: " + parent + " is not a writable directory");
    }
  }
}
