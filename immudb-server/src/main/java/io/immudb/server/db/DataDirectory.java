package io.immudb.server.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The server's data directory, held exclusively: it is created if missing, locked through {@code
 * immudb.lock} (so a second server on the same directory fails at once), and holds the server
 * identity in {@code immudb.identifier} (12 raw bytes, spec v1 §9.2), created once and written
 * durably (temp file, fsync, atomic rename, fsync of the directory).
 *
 * <p>Thread-safe. {@link #close()} releases the lock and is idempotent.
 */
public final class DataDirectory implements AutoCloseable {
  /** Name of the lock file inside the data directory. */
  public static final String LOCK_FILE = "immudb.lock";

  /** Name of the identity file inside the data directory. */
  public static final String IDENTIFIER_FILE = "immudb.identifier";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final String identifier;
  private boolean closed;

  private DataDirectory(Path dir, FileChannel lockChannel, FileLock lock, String identifier) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.identifier = identifier;
  }

  /**
   * Creates (if needed) and locks {@code dir}, and loads or creates the server identity.
   *
   * @throws DataDirectoryInUseException if another server holds the directory
   * @throws IOException if the directory cannot be created, locked or read
   */
  public static DataDirectory open(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    Files.createDirectories(abs);
    FileChannel ch =
        FileChannel.open(
            abs.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    if (l == null) {
      ch.close();
      throw new DataDirectoryInUseException(abs);
    }
    try {
      return new DataDirectory(abs, ch, l, ServerIdentity.encode(loadOrCreateIdentity(abs)));
    } catch (IOException | RuntimeException e) {
      l.release();
      ch.close();
      throw e;
    }
  }

  private static byte[] loadOrCreateIdentity(Path dir) throws IOException {
    Path f = dir.resolve(IDENTIFIER_FILE);
    if (Files.exists(f)) {
      byte[] id = Files.readAllBytes(f);
      if (id.length != ServerIdentity.LENGTH) {
        throw new IOException(
            f + " holds " + id.length + " bytes, expected " + ServerIdentity.LENGTH);
      }
      return id;
    }
    byte[] id = ServerIdentity.generate(Instant.now(), new SecureRandom());
    writeDurably(dir, f, id);
    return id;
  }

  private static void writeDurably(Path dir, Path target, byte[] data) throws IOException {
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory for fsync; the rename is still atomic there.
    }
  }

  /** The absolute data directory. */
  public Path path() {
    return dir;
  }

  /** The server identity as a 20-character xid string, for the {@code immudb-uuid} header. */
  public String identifier() {
    return identifier;
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } finally {
      lockChannel.close();
    }
  }
}
