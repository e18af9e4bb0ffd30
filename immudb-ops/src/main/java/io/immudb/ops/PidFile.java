package io.immudb.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * A pid file: a text file holding one process id and a newline, written when a server starts and
 * removed when it stops, so scripts and service managers can find the process.
 *
 * <p>{@link #create} refuses to replace a file that names another live process, replaces one that
 * names a dead process (left behind by a crash), and refuses to touch a file that does not hold a
 * process id at all (likely a wrong path). The file is created exclusively, so two processes racing
 * for the same path cannot both succeed. {@link #close()} deletes the file only while it still
 * holds this process's id. Known weakness: after a reboot a stale file may name an unrelated live
 * process that reused the id; the error message says to delete the file then.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class PidFile implements AutoCloseable {
  private final Path path;
  private final long pid;
  private boolean closed;

  private PidFile(Path path, long pid) {
    this.path = path;
    this.pid = pid;
  }

  /**
   * Writes the current process's id to {@code path}, creating parent directories as needed.
   *
   * @throws ProcessAlreadyRunningException if {@code path} names another live process
   * @throws IOException if the file cannot be written, or exists and does not hold a process id
   */
  public static PidFile create(Path path) throws IOException {
    return create(path, ProcessHandle.current().pid(), PidFile::isAlive);
  }

  /**
   * Writes {@code pid} to {@code path}; {@code isAlive} tells whether a process id found in an
   * existing file names a running process. Requires pid > 0.
   */
  static PidFile create(Path path, long pid, LongPredicate isAlive) throws IOException {
    Objects.requireNonNull(path, "path");
    if (pid <= 0) {
      throw new IllegalArgumentException("pid must be > 0, got " + pid);
    }
    Path abs = path.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    byte[] content = (pid + "\n").getBytes(StandardCharsets.US_ASCII);
    for (int attempt = 0; ; attempt++) {
      try {
        Files.write(abs, content, java.nio.file.StandardOpenOption.CREATE_NEW);
        return new PidFile(abs, pid);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 0) {
          throw new IOException("pidfile " + abs + " was recreated by another process", e);
        }
      }
      OptionalLong existing = read(abs);
      if (existing.isPresent()
          && existing.getAsLong() != pid
          && isAlive.test(existing.getAsLong())) {
        throw new ProcessAlreadyRunningException(abs, existing.getAsLong());
      }
      // Stale (dead process, our own id after a restart in a container, or an empty file).
      Files.deleteIfExists(abs);
    }
  }

  /**
   * The process id held in {@code path}: empty if the file is missing or empty.
   *
   * @throws IOException if the file cannot be read or holds something other than a process id
   */
  public static OptionalLong read(Path path) throws IOException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (java.nio.charset.MalformedInputException e) {
      throw notAPidFile(path);
    }
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long pid = Long.parseLong(text);
      if (pid <= 0) {
        throw notAPidFile(path);
      }
      return OptionalLong.of(pid);
    } catch (NumberFormatException e) {
      throw notAPidFile(path);
    }
  }

  private static IOException notAPidFile(Path path) {
    return new IOException(
        "pidfile "
            + path
            + " exists and does not hold a process id; remove it or choose another path");
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The absolute path of the file. */
  public Path path() {
    return path;
  }

  /** The process id written. */
  public long pid() {
    return pid;
  }

  /** Deletes the file if it still holds this pid; never throws for a file already gone. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    OptionalLong now;
    try {
      now = read(path);
    } catch (IOException e) {
      return; // replaced by something that is not ours: leave it alone
    }
    if (now.isPresent() && now.getAsLong() == pid) {
      Files.deleteIfExists(path);
    }
  }
}
