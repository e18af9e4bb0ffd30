package io.immudb.embedded.store;

import io.immudb.embedded.CorruptedDataException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings fixed when a store is created, saved in {@code store.meta}: format version, the
 * three limits and the segment size (which the segment addressing depends on).
 *
 * <p>The file is a Java properties text with a final {@code crc} line over the rest; it is written
 * durably (temp file, fsync, rename, fsync of the directory) when the store is created, and again
 * only when {@link #openExisting} upgrades its format version. Format versions
 * (docs/design/storage.md): 1 stores every value in the value log; 2 may store values inline in the
 * tx record. Format-1 data is valid format-2 data, so a format-1 store is upgraded by rewriting
 * this file alone. Thread-safe (immutable).
 */
record StoreMeta(
    int formatVersion, int maxTxEntries, int maxKeyLen, int maxValueLen, long segmentSize) {
  static final String FILE = "store.meta";

  /** The format version this build writes. */
  static final int FORMAT_VERSION = 2;

  /** The oldest format version this build reads (and upgrades to {@link #FORMAT_VERSION}). */
  static final int OLDEST_READABLE_VERSION = 1;

  private static final Logger LOG = LoggerFactory.getLogger(StoreMeta.class);

  static StoreMeta of(StoreOptions o) {
    return new StoreMeta(
        FORMAT_VERSION, o.maxTxEntries(), o.maxKeyLen(), o.maxValueLen(), o.segmentSize());
  }

  static boolean exists(Path dir) {
    return Files.exists(dir.resolve(FILE));
  }

  /**
   * Reads the settings of the existing store in {@code dir} and, if it was written by an older
   * format version, upgrades {@code store.meta} to {@link #FORMAT_VERSION} in place (durably, as
   * {@link #write} does) and logs it.
   *
   * @throws IOException if the file cannot be read or written, or its format version is not one
   *     this build reads
   */
  static StoreMeta openExisting(Path dir) throws IOException {
    StoreMeta m = read(dir);
    if (m.formatVersion == FORMAT_VERSION) {
      return m;
    }
    StoreMeta upgraded =
        new StoreMeta(FORMAT_VERSION, m.maxTxEntries, m.maxKeyLen, m.maxValueLen, m.segmentSize);
    upgraded.write(dir);
    LOG.info(
        "upgraded the store in {} from format version {} to {} (its data is unchanged)",
        dir,
        m.formatVersion,
        FORMAT_VERSION);
    return upgraded;
  }

  /**
   * Reads the settings of the store in {@code dir}, as saved.
   *
   * @throws IOException if the file cannot be read or its format version is not one this build
   *     reads
   */
  static StoreMeta read(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    return parse(Files.readAllBytes(f), f.toString());
  }

  /**
   * Parses the content of a {@code store.meta} file, {@code f} naming it in errors. Any bytes end
   * in a {@code StoreMeta} or a typed error.
   *
   * @throws IOException if the text is not UTF-8 or its format version is not one this build reads
   * @throws CorruptedDataException if the checksum or a field is wrong
   */
  static StoreMeta parse(byte[] bytes, String f) throws IOException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes))
            .toString();
    int cut = text.lastIndexOf("crc=");
    if (cut < 0) {
      throw new CorruptedDataException(f, "no checksum line");
    }
    String body = text.substring(0, cut);
    String crc = text.endsWith("\n") ? text.substring(cut + 4, text.length() - 1) : "";
    if (!crc.equals(Long.toHexString(crc(body)))) {
      throw new CorruptedDataException(f, "checksum mismatch");
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(body));
    } catch (IllegalArgumentException e) {
      // A malformed unicode escape (backslash, u, four hex digits).
      throw new CorruptedDataException(f, "malformed text: " + e.getMessage());
    }
    try {
      StoreMeta m =
          new StoreMeta(
              Integer.parseInt(p.getProperty("formatVersion")),
              Integer.parseInt(p.getProperty("maxTxEntries")),
              Integer.parseInt(p.getProperty("maxKeyLen")),
              Integer.parseInt(p.getProperty("maxValueLen")),
              Long.parseLong(p.getProperty("segmentSize")));
      if (m.formatVersion < OLDEST_READABLE_VERSION || m.formatVersion > FORMAT_VERSION) {
        throw new IOException(
            f
                + ": unsupported store format version "
                + m.formatVersion
                + "; this build reads format versions "
                + OLDEST_READABLE_VERSION
                + " to "
                + FORMAT_VERSION
                + ". To move the data to this build, back it up with `immuadmin backup` of the"
                + " immudb version that wrote it, then load it with `immuadmin restore` of this"
                + " one.");
      }
      return m;
    } catch (NumberFormatException | NullPointerException e) {
      throw new CorruptedDataException(f, "missing or bad field: " + e.getMessage());
    }
  }

  void write(Path dir) throws IOException {
    String body =
        "# immudb store settings, fixed at creation. Do not edit.\n"
            + "formatVersion="
            + formatVersion
            + "\n"
            + "maxTxEntries="
            + maxTxEntries
            + "\n"
            + "maxKeyLen="
            + maxKeyLen
            + "\n"
            + "maxValueLen="
            + maxValueLen
            + "\n"
            + "segmentSize="
            + segmentSize
            + "\n";
    String text = body + "crc=" + Long.toHexString(crc(body)) + "\n";
    Path tmp = dir.resolve(FILE + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Directory fsync is not supported everywhere; the rename is still atomic.
    }
  }

  private static long crc(String s) {
    CRC32C c = new CRC32C();
    c.update(s.getBytes(StandardCharsets.UTF_8));
    return c.getValue();
  }
}
