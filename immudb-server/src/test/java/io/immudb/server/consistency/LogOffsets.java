package io.immudb.server.consistency;

import io.immudb.embedded.internal.txlog.CommitRecord;
import io.immudb.embedded.internal.txlog.RecordException;
import io.immudb.embedded.internal.txlog.TxRecord;
import io.immudb.embedded.internal.txlog.TxRecordCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Where a transaction's records lie in the first segments of a database's logs, read from the files
 * with the engine's record codecs (docs/design/storage.md): the tests that damage a chosen tx on
 * disk need the offsets, which the {@code Database} API rightly does not give.
 */
final class LogOffsets {
  private LogOffsets() {}

  /** Offset of tx {@code txId}'s record in {@code tx/00000000.seg}. */
  static long txOff(Path dbDir, long txId) throws IOException {
    return commitRecord(dbDir, txId).txOff();
  }

  /**
   * Offset of tx {@code txId}'s value record in {@code val/00000000.seg}. Only values longer than
   * the store's inline limit (4 KiB by default) are in the value log; a tx whose values are all
   * inline in its tx record has no value record.
   */
  static long valuesOff(Path dbDir, long txId) throws IOException {
    CommitRecord c = commitRecord(dbDir, txId);
    ByteBuffer buf = ByteBuffer.allocate(c.txLen());
    try (FileChannel ch = FileChannel.open(dbDir.resolve("tx/00000000.seg"))) {
      ch.read(buf, c.txOff());
      TxRecord rec = TxRecordCodec.decode(buf.flip(), txId, c.txOff());
      if (rec.valuesLen() == 0) {
        throw new IllegalStateException(
            "tx " + txId + " has no value record: its values are inline");
      }
      return rec.valuesOff();
    } catch (RecordException e) {
      throw new IOException(e);
    }
  }

  private static CommitRecord commitRecord(Path dbDir, long txId) throws IOException {
    try (FileChannel ch = FileChannel.open(dbDir.resolve("commit/00000000.seg"))) {
      ByteBuffer buf = ByteBuffer.allocate(CommitRecord.LENGTH);
      ch.read(buf, CommitRecord.offsetOf(txId));
      return CommitRecord.decode(buf.flip(), txId);
    } catch (RecordException e) {
      throw new IOException(e);
    }
  }
}
