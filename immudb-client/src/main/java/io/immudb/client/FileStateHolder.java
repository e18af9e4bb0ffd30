package io.immudb.client;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.state.ImmuState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Trusted states as files, one per server and database: {@code <dir>/<serverUuid>/<database>.state}
 * holding three lines, {@code db=<name>}, {@code txId=<id>}, {@code txHash=<hex Alh>}. Each update
 * is written to a temporary file, forced to disk and renamed over the old one, so a crash leaves
 * the old state or the new one. Files and directories are readable by the owner only (where the
 * file system has POSIX permissions). A file that can't be parsed is an error, not "no state":
 * trusting the server anew would defeat the point of keeping the state.
 *
 * <p>Thread-safe within a process (writes are serialized); two processes sharing a directory may
 * lose each other's updates but never see a torn file.
 */
final class FileStateHolder implements StateHolder {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]+");
  private final Path dir;

  FileStateHolder(Path dir) {
    this.dir = dir;
  }

  private Path file(String serverUuid, String database) {
    if (!SAFE.matcher(serverUuid).matches()
        || !SAFE.matcher(database).matches()
        || serverUuid.startsWith(".")
        || database.startsWith(".")) {
      throw new IllegalArgumentException(
          "server id '" + serverUuid + "' or database '" + database + "' can't name a state file");
    }
    return dir.resolve(serverUuid).resolve(database + ".state");
  }

  @Override
  public Optional<ImmuState> get(String serverUuid, String database) {
    Path f = file(serverUuid, database);
    String text;
    try {
      text = Files.readString(f, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("can't read the trusted state " + f, e);
    }
    String db = null;
    long txId = -1;
    Sha256Digest hash = null;
    try {
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String k = line.substring(0, eq).trim();
        String v = line.substring(eq + 1).trim();
        switch (k) {
          case "db" -> db = v;
          case "txId" -> txId = Long.parseLong(v);
          case "txHash" -> hash = Sha256Digest.fromHex(v);
          default -> {}
        }
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "the trusted state " + f + " is corrupt: " + e.getMessage(), e);
    }
    if (db == null || txId < 0 || hash == null || !db.equals(database)) {
      throw new IllegalStateException("the trusted state " + f + " is corrupt or incomplete");
    }
    return Optional.of(new ImmuState(db, txId, hash));
  }

  @Override
  public synchronized void set(String serverUuid, ImmuState state) {
    Path f = file(serverUuid, state.db());
    String text =
        "db=" + state.db() + "\ntxId=" + state.txId() + "\ntxHash=" + state.txHash().toHex() + "\n";
    try {
      createPrivateDirectories(f.getParent());
      Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      createPrivateFile(tmp);
      try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      try {
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("can't write the trusted state " + f, e);
    }
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void createPrivateDirectories(Path d) throws IOException {
    if (Files.isDirectory(d)) {
      return;
    }
    Path parent = d.getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    try {
      if (posix(d)) {
        Files.createDirectory(
            d, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(d);
      }
    } catch (FileAlreadyExistsException e) {
      // created meanwhile
    }
  }

  private static void createPrivateFile(Path f) throws IOException {
    if (posix(f)) {
      Files.createFile(
          f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(f);
    }
  }
}
