package io.immudb.embedded.internal.txlog;

import java.nio.ByteBuffer;

/**
 * Encodes and checks value-log records: the stored values of one transaction that are not inline in
 * its tx record, back to back. A tx whose values are all inline has no value record.
 *
 * <pre>
 * off  len  field
 *   0    4  recordLen (whole record, this field included)
 *   4    8  txId
 *  12  ...  values, in entry order
 * end-4  4  crc   CRC32C of bytes [0, end-4)
 * </pre>
 *
 * Entries of the tx record point at such a value with an absolute value-log offset; every value is
 * also covered by its SHA-256 in the tx record, which reads check.
 *
 * <p>Thread-safe (stateless).
 */
public final class ValueRecordCodec {
  /** Bytes before the first value. */
  public static final int PREFIX_LENGTH = 12;

  private ValueRecordCodec() {}

  /** Length of a record holding {@code valueBytes} bytes of values. */
  public static int encodedLength(long valueBytes) {
    return Math.toIntExact(PREFIX_LENGTH + valueBytes + 4);
  }

  /** Writes the record prefix; the caller then puts the values and calls {@link #finish}. */
  public static void begin(ByteBuffer dst, int recordLen, long txId) {
    dst.putInt(recordLen);
    dst.putLong(txId);
  }

  /** Appends the checksum of the record that starts at {@code start}. */
  public static void finish(ByteBuffer dst, int start) {
    dst.putInt(TxRecordCodec.crc(dst, start, dst.position() - start));
  }

  /**
   * Checks a whole record held in {@code src} (position at its start, limit at its end).
   *
   * @throws RecordException if the length, tx id or checksum is wrong
   */
  public static void check(ByteBuffer src, long expectedTxId) throws RecordException {
    int start = src.position();
    if (src.remaining() < PREFIX_LENGTH + 4) {
      throw new RecordException("value record truncated");
    }
    int len = src.getInt(start);
    if (len != src.remaining()) {
      throw new RecordException("value record length " + len + ", expected " + src.remaining());
    }
    long txId = src.getLong(start + 4);
    if (txId != expectedTxId) {
      throw new RecordException("value record holds tx " + txId + ", expected " + expectedTxId);
    }
    if (TxRecordCodec.crc(src, start, len - 4) != src.getInt(start + len - 4)) {
      throw new RecordException("value record checksum mismatch");
    }
  }
}
