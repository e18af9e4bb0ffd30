package io.immudb.cli.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Changes a stopped store's logs as an attacker with disk access would (layout in
 * docs/design/storage.md): flips a byte of a value in the value log, or of an entry's value hash in
 * the tx log, optionally fixing the record's CRC32C so that the store's own checksums still pass.
 */
final class LogTamper {
  private LogTamper() {}

  /** The first segment of log {@code log} ("val" or "tx") of database {@code db}. */
  static Path segment(Path dataDir, String db, String log) {
    return dataDir.resolve(db).resolve(log).resolve("00000000.seg");
  }

  /** Flips the last byte of the first occurrence of {@code text} in {@code file}. */
  static long flipIn(Path file, String text) throws IOException {
    byte[] data = Files.readAllBytes(file);
    int at = indexOf(data, text.getBytes(StandardCharsets.UTF_8));
    long off = at + text.length() - 1;
    flip(file, off);
    return off;
  }

  /**
   * Flips a byte of the value hash of the entry with stored key {@code 0x00 ‖ key} in the tx log,
   * and if {@code fixCrc} recomputes the record's CRC32C. Returns the offset flipped.
   */
  static long flipValueHash(Path txLog, String key, boolean fixCrc) throws IOException {
    byte[] data = Files.readAllBytes(txLog);
    byte[] stored = ("\0" + key).getBytes(StandardCharsets.UTF_8);
    int keyAt = indexOf(data, stored);
    // entry: u32 keyLen, key, u32 vLen, u64 vOff, 32 hValue
    long off = keyAt + stored.length + 4 + 8 + 5L;
    flip(txLog, off);
    if (fixCrc) {
      ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(txLog));
      int rec = 0;
      while (rec < all.limit()) {
        int len = all.getInt(rec);
        if (len <= 0) {
          throw new IllegalStateException("no tx record holds offset " + off);
        }
        if (off < rec + len) {
          CRC32C crc = new CRC32C();
          crc.update(all.array(), rec, len - 4);
          ByteBuffer b = ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
          try (FileChannel ch = FileChannel.open(txLog, StandardOpenOption.WRITE)) {
            ch.write(b, rec + len - 4);
          }
          return off;
        }
        rec += len;
      }
      throw new IllegalStateException("no tx record holds offset " + off);
    }
    return off;
  }

  private static void flip(Path file, long off) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, off);
      b.put(0, (byte) (b.get(0) ^ 0x01)).rewind();
      ch.write(b, off);
      ch.force(true);
    }
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException(
        "not found in the log: " + new String(needle, StandardCharsets.UTF_8));
  }
}
