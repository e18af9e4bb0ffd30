package io.immudb.server.console;

import io.immudb.embedded.internal.txlog.CommitRecord;
import io.immudb.embedded.internal.txlog.RecordException;
import io.immudb.embedded.internal.txlog.TxRecord;
import io.immudb.embedded.internal.txlog.TxRecordCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * What an attacker with write access to a stopped server's data directory does to change a value
 * without the server noticing (docs/design/storage.md): rewrites an inline value in the tx log,
 * puts the new value's SHA-256 into the entry's {@code hValue} and fixes the record's CRC32C, and
 * deletes the key index (derived data, rebuilt from the logs at the next start, so it no longer
 * holds the old {@code hValue}). The header — eH, Alh, the hash tree — is left alone: changing it
 * would break the chain the clients already trust. Only a client that checks the proofs itself can
 * tell.
 */
final class ValueTamper {
  private ValueTamper() {}

  /**
   * Replaces the stored value of plain key {@code key} in tx {@code txId} of the database in {@code
   * dbDir} by {@code forged}, which must have the same length.
   */
  static void rewriteValue(Path dbDir, long txId, byte[] key, byte[] forged)
      throws IOException, RecordException {
    CommitRecord c;
    try (FileChannel ch = FileChannel.open(dbDir.resolve("commit/00000000.seg"))) {
      ByteBuffer b = ByteBuffer.allocate(CommitRecord.LENGTH);
      ch.read(b, CommitRecord.offsetOf(txId));
      c = CommitRecord.decode(b.flip(), txId);
    }
    Path txLog = dbDir.resolve("tx/00000000.seg");
    try (FileChannel ch =
        FileChannel.open(txLog, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer rec = ByteBuffer.allocate(c.txLen());
      ch.read(rec, c.txOff());
      rec.flip();
      TxRecord decoded = TxRecordCodec.decode(rec.duplicate(), txId, c.txOff());
      byte[] storedKey = new byte[key.length + 1];
      System.arraycopy(key, 0, storedKey, 1, key.length);
      // Walk the entries (u32 keyLen, key, u32 vLen, u64 vOff, 32 hValue) to the key's hValue.
      int at = TxRecordCodec.HEADER_LENGTH;
      int hValueAt = -1;
      int index = -1;
      for (int i = 0; i < decoded.entries().size(); i++) {
        int kLen = rec.getInt(at);
        byte[] k = Arrays.copyOfRange(rec.array(), at + 4, at + 4 + kLen);
        at += 4 + kLen + 4 + 8;
        if (Arrays.equals(k, storedKey)) {
          hValueAt = at;
          index = i;
        }
        at += 32;
      }
      if (index < 0) {
        throw new IllegalArgumentException("tx " + txId + " has no entry for the key");
      }
      long vOff = decoded.vOff(index);
      if (!TxRecordCodec.isInline(vOff)) {
        throw new IllegalStateException("the value is in the value log, not inline");
      }
      int valueAt = (int) (TxRecordCodec.logOffset(vOff) - c.txOff());
      byte[] stored = new byte[forged.length + 1];
      System.arraycopy(forged, 0, stored, 1, forged.length);
      if (decoded.entries().get(index).vLen() != stored.length) {
        throw new IllegalArgumentException("the forged value must have the original's length");
      }
      rec.put(valueAt, stored);
      rec.put(hValueAt, sha256(stored));
      CRC32C crc = new CRC32C();
      crc.update(rec.array(), 0, c.txLen() - 4);
      rec.putInt(c.txLen() - 4, (int) crc.getValue());
      TxRecordCodec.decode(rec.duplicate().rewind(), txId, c.txOff()); // still well-formed
      ch.write(rec.rewind(), c.txOff());
      ch.force(true);
    }
    try (Stream<Path> files = Files.walk(dbDir.resolve("index"))) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
