package io.immudb.embedded.internal.txlog;

import io.immudb.core.crypto.Sha256Digest;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One commit-log record: a transaction is committed exactly when its record is in the commit log.
 *
 * <pre>
 * off  len  field
 *   0    8  txId
 *   8    8  txOff   tx-log offset of the tx record
 *  16    4  txLen   length of the tx record
 *  20   32  alh     Alh of the tx
 *  52    4  crc     CRC32C of bytes [0, 52)
 * </pre>
 *
 * Records are fixed-size, so tx {@code id}'s record is at {@code (id − 1) · 56}.
 *
 * @param txId the transaction id
 * @param txOff where its tx record starts
 * @param txLen its tx record's length
 * @param alh its Alh
 */
public record CommitRecord(long txId, long txOff, int txLen, Sha256Digest alh) {
  /** Encoded length. */
  public static final int LENGTH = 56;

  /** Offset of tx {@code txId}'s record in the commit log. */
  public static long offsetOf(long txId) {
    return (txId - 1) * LENGTH;
  }

  /** Writes the record at {@code dst}'s position. */
  public void encode(ByteBuffer dst) {
    int start = dst.position();
    dst.putLong(txId);
    dst.putLong(txOff);
    dst.putInt(txLen);
    alh.writeTo(dst);
    dst.putInt(TxRecordCodec.crc(dst, start, LENGTH - 4));
  }

  /**
   * Reads the record at {@code src}'s position (56 bytes) and checks it.
   *
   * @throws RecordException if fewer than 56 bytes remain, on a checksum mismatch or an unexpected
   *     tx id
   */
  public static CommitRecord decode(ByteBuffer src, long expectedTxId) throws RecordException {
    int start = src.position();
    if (src.remaining() < LENGTH) {
      throw new RecordException("commit record truncated: " + src.remaining() + " bytes");
    }
    CRC32C c = new CRC32C();
    c.update(src.duplicate().limit(start + LENGTH - 4));
    if ((int) c.getValue() != src.getInt(start + LENGTH - 4)) {
      throw new RecordException("commit record checksum mismatch");
    }
    long txId = src.getLong();
    if (txId != expectedTxId) {
      throw new RecordException("commit record holds tx " + txId + ", expected " + expectedTxId);
    }
    long txOff = src.getLong();
    int txLen = src.getInt();
    Sha256Digest alh = Sha256Digest.read(src);
    src.getInt();
    if (txOff < 0 || txLen < TxRecordCodec.HEADER_LENGTH + 4) {
      throw new RecordException("commit record has bad tx location " + txOff + "/" + txLen);
    }
    return new CommitRecord(txId, txOff, txLen, alh);
  }
}
