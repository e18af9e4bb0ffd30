package io.immudb.embedded.internal.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads RocksDB's native library once per process from one copy per user, rather than from a new
 * copy per process.
 *
 * <p>Left to itself, RocksJava unpacks its 15 MB library from the rocksdbjni jar into a new
 * temporary file on every JVM start and deletes it on exit, so every process that is killed (a
 * {@code kill -9}, the OOM killer, a crash) leaves 15 MB behind in the temporary directory, for
 * good. Here the library is unpacked once into {@code
 * ${java.io.tmpdir}/immudb-native-USER/CRC-SIZE/} (CRC and size of the library's entry in the jar,
 * so another RocksDB version gets another directory) and every later process loads that copy.
 *
 * <p>The copy runs as native code, so the directory must be the user's own: created with mode 0700,
 * and used only while it is a real directory (not a link) owned by this user that nobody else may
 * write to. The copy is written to a temporary name and renamed into place, so concurrent processes
 * never load a half-written file. Whenever any of this is not possible (no POSIX file system, a
 * directory that fails the checks, the library not in a jar, an I/O error), RocksJava's own loading
 * is used, as before, with a warning.
 *
 * <p>Thread-safe.
 */
final class RocksLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(RocksLibrary.class);

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private static boolean loaded; // guarded by RocksLibrary.class

  private RocksLibrary() {}

  /** Loads the library if this process has not yet; call before any other use of RocksDB. */
  static synchronized void load() {
    if (loaded) {
      return;
    }
    Path dir = sharedCopy(Path.of(System.getProperty("java.io.tmpdir")));
    if (dir != null) {
      try {
        RocksDB.loadLibrary(List.of(dir.toString()));
        loaded = true;
        return;
      } catch (UnsatisfiedLinkError e) {
        LOG.warn("cannot load RocksDB's library from {}; unpacking a copy of its own", dir, e);
      }
    }
    RocksDB.loadLibrary();
    loaded = true;
  }

  /**
   * The directory under {@code tmp} holding this user's copy of the library, unpacked now if
   * needed, or null if there can be none (see the class comment).
   */
  static Path sharedCopy(Path tmp) {
    String resource = Environment.getJniLibraryFileName("rocksdb");
    URL url = RocksDB.class.getClassLoader().getResource(resource);
    if (url == null) {
      return null; // a platform without a library in the jar: RocksJava looks elsewhere
    }
    try {
      URLConnection c = url.openConnection();
      if (!(c instanceof JarURLConnection jar)) {
        return null;
      }
      JarEntry entry = jar.getJarEntry();
      long size = entry.getSize();
      if (size <= 0 || entry.getCrc() < 0) {
        return null;
      }
      Path own =
          ownDirectory(tmp.resolve("immudb-native-" + safe(System.getProperty("user.name"))));
      if (own == null) {
        return null;
      }
      Path dir = own.resolve(String.format(Locale.ROOT, "%08x-%d", entry.getCrc(), size));
      // RocksDB.loadLibrary(paths) looks for this name (as of RocksJava 9.10 it is not the name in
      // the jar: "jni" appears twice); ask it rather than guess.
      Path lib = dir.resolve(Environment.getJniLibraryFileName("rocksdbjni"));
      if (Files.isRegularFile(lib, LinkOption.NOFOLLOW_LINKS) && Files.size(lib) == size) {
        return dir;
      }
      try {
        Files.createDirectory(dir);
      } catch (FileAlreadyExistsException alreadyThere) {
        // another process of this user made it
      }
      Path part = Files.createTempFile(dir, "unpacking-", ".part");
      try (InputStream in = jar.getInputStream()) {
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        if (Files.size(part) != size) {
          throw new IOException("unpacked " + Files.size(part) + " bytes, expected " + size);
        }
        Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(part);
      }
      LOG.info("unpacked RocksDB's library for this user's processes to {}", lib);
      return dir;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot keep one copy of RocksDB's library under {}; every process unpacks its own",
          tmp,
          e);
      return null;
    }
  }

  /**
   * {@code dir}, created with mode 0700 if missing, if it is a directory (not a link) that this
   * user owns and that no one else may write to; otherwise null, with a warning.
   */
  static Path ownDirectory(Path dir) throws IOException {
    if (Files.getFileAttributeView(dir.getParent(), PosixFileAttributeView.class) == null) {
      return null; // not a POSIX file system: no owner-only directory to rely on
    }
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException alreadyThere) {
      // checked below, like one made now
    }
    PosixFileAttributes a =
        Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    String user = System.getProperty("user.name");
    Set<PosixFilePermission> p = a.permissions();
    if (!a.isDirectory()
        || !a.owner().getName().equals(user)
        || p.contains(PosixFilePermission.GROUP_WRITE)
        || p.contains(PosixFilePermission.OTHERS_WRITE)) {
      LOG.warn(
          "not using {} for RocksDB's library: it must be a directory owned by {} that only its"
              + " owner may write to",
          dir,
          user);
      return null;
    }
    return dir;
  }

  /** {@code name} with anything but letters, digits, '.', '_' and '-' replaced by '_'. */
  private static String safe(String name) {
    return name == null || name.isEmpty() ? "unknown" : name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
