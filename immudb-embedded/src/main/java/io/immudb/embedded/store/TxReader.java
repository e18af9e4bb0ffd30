package io.immudb.embedded.store;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.internal.appendable.Appendable;
import io.immudb.embedded.internal.txlog.CommitRecord;
import io.immudb.embedded.internal.txlog.RecordException;
import io.immudb.embedded.internal.txlog.TxRecord;
import io.immudb.embedded.internal.txlog.TxRecordCodec;
import io.immudb.embedded.internal.txlog.ValueRecordCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Reads committed records back: commit records, tx headers, whole tx records and single values
 * (inline in the tx log or in the value log), checking every checksum and value hash on the way.
 *
 * <p>Thread-safe: stateless over the logs' positional reads. Callers MUST only ask for transactions
 * that are committed. A failed check calls the corruption handler (which switches the store to
 * read-only) and throws {@link CorruptedDataException} naming the file and offset.
 */
final class TxReader {
  private static final ThreadLocal<Sha256Hasher> HASHERS =
      ThreadLocal.withInitial(Sha256Hasher::create);

  private final Appendable vlog;
  private final Appendable txlog;
  private final Appendable clog;
  private final Consumer<CorruptedDataException> onCorruption;

  TxReader(
      Appendable vlog,
      Appendable txlog,
      Appendable clog,
      Consumer<CorruptedDataException> onCorruption) {
    this.vlog = vlog;
    this.txlog = txlog;
    this.clog = clog;
    this.onCorruption = onCorruption;
  }

  CommitRecord commitRecord(long txId) {
    long off = CommitRecord.offsetOf(txId);
    ByteBuffer b = read(clog, off, CommitRecord.LENGTH);
    try {
      return CommitRecord.decode(b, txId);
    } catch (RecordException e) {
      throw corrupted(clog, off, e.getMessage());
    }
  }

  TxHeader header(long txId) {
    CommitRecord c = commitRecord(txId);
    ByteBuffer b = read(txlog, c.txOff(), TxRecordCodec.HEADER_LENGTH);
    try {
      return TxRecordCodec.decodeHeader(b, txId);
    } catch (RecordException e) {
      throw corrupted(txlog, c.txOff(), e.getMessage());
    }
  }

  TxRecord txRecord(long txId) {
    CommitRecord c = commitRecord(txId);
    return txRecord(c);
  }

  /**
   * As {@link #txRecord(long)}, decoding straight from the tx log's memory mapping when the record
   * lies in one (no copy of the record): for reads that decode a tx once and keep only the result.
   */
  TxRecord txRecordFromMapping(long txId) {
    CommitRecord c = commitRecord(txId);
    ByteBuffer view;
    try {
      view = txlog.mappedView(c.txOff(), c.txLen());
    } catch (IOException e) {
      throw new UncheckedIOException("read of " + txlog.describe(c.txOff()) + " failed", e);
    }
    return view == null ? txRecord(c) : decode(c, view);
  }

  TxRecord txRecord(CommitRecord c) {
    return decode(c, txRecordBytes(c));
  }

  /** The bytes of the tx record {@code c} points at, unchecked (buffer position 0 = its start). */
  ByteBuffer txRecordBytes(CommitRecord c) {
    return read(txlog, c.txOff(), c.txLen());
  }

  /** Decodes and checks the tx record {@code c} points at, as read by {@link #txRecordBytes}. */
  TxRecord decode(CommitRecord c, ByteBuffer recordBytes) {
    try {
      return TxRecordCodec.decode(recordBytes.duplicate(), c.txId(), c.txOff());
    } catch (RecordException e) {
      throw corrupted(txlog, c.txOff(), e.getMessage());
    }
  }

  /** Reads a whole value record and checks its framing and checksum. */
  ByteBuffer valueRecord(long txId, long off, int len) {
    ByteBuffer b = read(vlog, off, len);
    try {
      ValueRecordCodec.check(b, txId);
    } catch (RecordException e) {
      throw corrupted(vlog, off, e.getMessage());
    }
    return b;
  }

  /**
   * Reads one stored value, from the tx log if {@code vOff} marks it inline ({@link
   * TxRecordCodec#INLINE}) or else from the value log, and checks it against {@code hValue}.
   */
  byte[] value(long vOff, int vLen, Sha256Digest hValue) {
    Appendable log = TxRecordCodec.isInline(vOff) ? txlog : vlog;
    long off = TxRecordCodec.logOffset(vOff);
    ByteBuffer b = read(log, off, vLen);
    byte[] v = b.array();
    if (!HASHERS.get().hash(v).equals(hValue)) {
      throw corrupted(log, off, "value does not match its hash " + hValue);
    }
    return v;
  }

  private static ByteBuffer read(Appendable log, long off, int len) {
    ByteBuffer b = ByteBuffer.allocate(len);
    try {
      log.read(off, b);
    } catch (IOException e) {
      throw new UncheckedIOException("read of " + log.describe(off) + " failed", e);
    }
    return b.flip();
  }

  private CorruptedDataException corrupted(Appendable log, long off, String what) {
    CorruptedDataException e = new CorruptedDataException(log.describe(off), what);
    onCorruption.accept(e);
    return e;
  }
}
