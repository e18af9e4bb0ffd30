package io.immudb.embedded.internal.txlog;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Encodes and decodes tx-log records. Layout (big-endian; see docs/design/storage.md):
 *
 * <pre>
 * off  len  field
 *   0    4  recordLen (whole record, this field included)
 *   4    8  txId
 *  12    8  ts
 *  20    8  blTxId
 *  28   32  blRoot
 *  60   32  prevAlh
 *  92   32  eH
 * 124    4  nEntries
 * 128    8  valuesOff   value-log offset of the tx's value record; without one, the value log's
 *                       size when the tx was written (where its record would have started)
 * 136    4  valuesLen   length of the value record; 0: the tx has none
 * 140    4  headerCrc   CRC32C of bytes [0, 140)
 * 144  ...  nEntries × { u32 keyLen, key, u32 vLen, u64 vOff, 32 hValue }
 *  e   ...  inline values, back to back, in entry order (format 2; none in format 1)
 * end-4  4  crc         CRC32C of bytes [0, end-4)
 * </pre>
 *
 * An entry's {@code vOff} says where its value is. With bit 62 ({@link #INLINE}) clear it is the
 * absolute value-log offset of the value, inside the tx's value record. With the bit set the value
 * is stored inline, in this record, and the low 62 bits are its absolute tx-log offset. Inline
 * values follow the entries without gaps, in entry order, and end at the final checksum, so the
 * record's checksum covers them; decoding checks exactly this. Bit 63 is never set, so a {@code
 * vOff} is a non-negative {@code long} either way (and offsets stay below 2^62).
 *
 * <p>The header has its own checksum so that proofs can read a header without the entries.
 *
 * <p>Thread-safe (stateless).
 */
public final class TxRecordCodec {
  /** Length of the fixed header part, header checksum included. */
  public static final int HEADER_LENGTH = 144;

  /** The {@code vOff} bit of a value stored inline in the tx log. */
  public static final long INLINE = 1L << 62;

  private static final int ENTRY_FIXED = 4 + 4 + 8 + Sha256Digest.LENGTH;

  private TxRecordCodec() {}

  /** Whether {@code vOff} points at a value stored inline in the tx log. */
  public static boolean isInline(long vOff) {
    return (vOff & INLINE) != 0;
  }

  /** The log offset of {@code vOff}: in the tx log if it is inline, else in the value log. */
  public static long logOffset(long vOff) {
    return vOff & ~INLINE;
  }

  /** The {@code vOff} of a value stored inline at tx-log offset {@code txLogOff}. */
  public static long inlineVOff(long txLogOff) {
    if (txLogOff < 0 || txLogOff >= INLINE) {
      throw new IllegalArgumentException("tx-log offset out of range: " + txLogOff);
    }
    return txLogOff | INLINE;
  }

  /**
   * Encoded length of a record with {@code nEntries} entries whose keys total {@code keyBytes} and
   * whose inline values total {@code inlineBytes}.
   */
  public static int encodedLength(int nEntries, long keyBytes, long inlineBytes) {
    return Math.toIntExact(
        HEADER_LENGTH + (long) nEntries * ENTRY_FIXED + keyBytes + inlineBytes + 4);
  }

  /**
   * Writes a whole record at {@code dst}'s position; the record will be at tx-log offset {@code
   * recordOff}. Entry {@code i}'s value is stored inline if {@code inlineValues[i] != null} (then
   * its {@code vOff} is derived from {@code recordOff} and written back to {@code vOffs[i]}, for
   * the caller's index rows); else {@code vOffs[i]} is its value-log offset. Requires vLens[i] =
   * inlineValues[i].length for inline values.
   */
  public static void encode(
      ByteBuffer dst,
      long recordOff,
      TxHeader h,
      long valuesOff,
      int valuesLen,
      byte[][] keys,
      int[] vLens,
      long[] vOffs,
      Sha256Digest[] hValues,
      byte[][] inlineValues) {
    long keyBytes = 0;
    long inlineBytes = 0;
    for (int i = 0; i < keys.length; i++) {
      keyBytes += keys[i].length;
      if (inlineValues[i] != null) {
        if (inlineValues[i].length != vLens[i]) {
          throw new IllegalArgumentException("entry " + i + ": vLen differs from its value");
        }
        inlineBytes += vLens[i];
      } else if (vOffs[i] < 0 || vOffs[i] >= INLINE) {
        throw new IllegalArgumentException("entry " + i + ": value-log offset " + vOffs[i]);
      }
    }
    int len = encodedLength(keys.length, keyBytes, inlineBytes);
    long inlineAt = recordOff + len - 4 - inlineBytes;
    int start = dst.position();
    dst.putInt(len);
    dst.putLong(h.id());
    dst.putLong(h.ts());
    dst.putLong(h.blTxId());
    h.blRoot().writeTo(dst);
    h.prevAlh().writeTo(dst);
    h.eh().writeTo(dst);
    dst.putInt(h.nEntries());
    dst.putLong(valuesOff);
    dst.putInt(valuesLen);
    dst.putInt(crc(dst, start, HEADER_LENGTH - 4));
    for (int i = 0; i < keys.length; i++) {
      dst.putInt(keys[i].length);
      dst.put(keys[i]);
      dst.putInt(vLens[i]);
      if (inlineValues[i] != null) {
        vOffs[i] = inlineVOff(inlineAt);
        dst.putLong(vOffs[i]);
        inlineAt += vLens[i];
      } else {
        dst.putLong(vOffs[i]);
      }
      hValues[i].writeTo(dst);
    }
    for (byte[] v : inlineValues) {
      if (v != null) {
        dst.put(v);
      }
    }
    dst.putInt(crc(dst, start, len - 4));
  }

  /** Reads {@code recordLen} from the first 4 bytes of a record. */
  public static int recordLength(ByteBuffer src) {
    return src.getInt(src.position());
  }

  /**
   * Decodes the header of a record. {@code src} holds at least {@link #HEADER_LENGTH} bytes from
   * the record's start.
   *
   * @throws RecordException if the checksum or a field is wrong
   */
  public static TxHeader decodeHeader(ByteBuffer src, long expectedTxId) throws RecordException {
    int start = src.position();
    if (src.remaining() < HEADER_LENGTH) {
      throw new RecordException("tx record header truncated: " + src.remaining() + " bytes");
    }
    int stored = src.getInt(start + HEADER_LENGTH - 4);
    if (crc(src, start, HEADER_LENGTH - 4) != stored) {
      throw new RecordException("tx record header checksum mismatch");
    }
    int len = src.getInt(start);
    long txId = src.getLong(start + 4);
    if (txId != expectedTxId) {
      throw new RecordException("tx record holds tx " + txId + ", expected " + expectedTxId);
    }
    if (len < HEADER_LENGTH + 4) {
      throw new RecordException("tx record length " + len + " too small");
    }
    ByteBuffer b = src.duplicate().position(start + 12);
    long ts = b.getLong();
    long blTxId = b.getLong();
    Sha256Digest blRoot = Sha256Digest.read(b);
    Sha256Digest prevAlh = Sha256Digest.read(b);
    Sha256Digest eh = Sha256Digest.read(b);
    int n = b.getInt();
    try {
      return new TxHeader(txId, prevAlh, ts, n, eh, blTxId, blRoot);
    } catch (IllegalArgumentException e) {
      throw new RecordException("tx record header invalid: " + e.getMessage());
    }
  }

  /**
   * Decodes a whole record that is at tx-log offset {@code recordOff}. {@code src} holds exactly
   * the record (position at its start, limit at its end).
   *
   * @throws RecordException if a checksum, a length, an offset or a field is wrong
   */
  public static TxRecord decode(ByteBuffer src, long expectedTxId, long recordOff)
      throws RecordException {
    int start = src.position();
    TxHeader h = decodeHeader(src, expectedTxId);
    int len = src.getInt(start);
    if (len != src.remaining()) {
      throw new RecordException("tx record length " + len + ", have " + src.remaining());
    }
    int stored = src.getInt(start + len - 4);
    if (crc(src, start, len - 4) != stored) {
      throw new RecordException("tx record checksum mismatch");
    }
    ByteBuffer b = src.duplicate().position(start + 128);
    long valuesOff = b.getLong();
    int valuesLen = b.getInt();
    if (valuesOff < 0
        || valuesOff >= INLINE
        || (valuesLen != 0 && valuesLen < ValueRecordCodec.PREFIX_LENGTH + 4)) {
      throw new RecordException(
          "tx record has a bad value record position " + valuesOff + "+" + valuesLen);
    }
    // Where a value-log value may lie: inside the value record, between prefix and checksum.
    long valuesFrom = valuesOff + ValueRecordCodec.PREFIX_LENGTH;
    long valuesTo = valuesOff + valuesLen - 4;
    b.position(start + HEADER_LENGTH);
    int n = h.nEntries();
    int end = start + len - 4;
    // Each entry takes at least ENTRY_FIXED bytes and a 1-byte key: a count the record has no
    // room for is refused before anything is allocated for it.
    int room = (end - (start + HEADER_LENGTH)) / (ENTRY_FIXED + 1);
    if (n > room) {
      throw new RecordException("tx record claims " + n + " entries, has room for at most " + room);
    }
    List<TxEntry> entries = new ArrayList<>(n);
    long[] vOffs = new long[n];
    for (int i = 0; i < n; i++) {
      if (end - b.position() < ENTRY_FIXED) {
        throw new RecordException("tx record entry " + i + " truncated");
      }
      int kLen = b.getInt();
      if (kLen < 1 || kLen > end - b.position() - (ENTRY_FIXED - 4)) {
        throw new RecordException("tx record entry " + i + " has bad key length " + kLen);
      }
      byte[] key = new byte[kLen];
      b.get(key);
      int vLen = b.getInt();
      long vOff = b.getLong();
      if (vLen < 0 || vOff < 0) {
        throw new RecordException("tx record entry " + i + " has a bad value length or offset");
      }
      if (!isInline(vOff) && (valuesLen == 0 || vOff < valuesFrom || vOff + vLen > valuesTo)) {
        throw new RecordException("tx record entry " + i + " points outside its value record");
      }
      vOffs[i] = vOff;
      entries.add(TxEntry.ofOwnedKey(key, Sha256Digest.read(b), vLen));
    }
    // The inline values fill the rest of the record, back to back, in entry order.
    long at = b.position() - start;
    for (int i = 0; i < n; i++) {
      if (isInline(vOffs[i])) {
        int vLen = entries.get(i).vLen();
        if (logOffset(vOffs[i]) != recordOff + at || at + vLen > len - 4) {
          throw new RecordException(
              "tx record entry " + i + " points elsewhere than its inline value");
        }
        at += vLen;
      }
    }
    if (at != len - 4) {
      throw new RecordException("tx record has " + (len - 4 - at) + " trailing bytes");
    }
    return new TxRecord(h, valuesOff, valuesLen, entries, vOffs);
  }

  /**
   * CRC32C of {@code buf[from, from+len)}, leaving the buffer's position and limit as they were.
   */
  static int crc(ByteBuffer buf, int from, int len) {
    CRC32C c = new CRC32C();
    if (buf.hasArray()) {
      c.update(buf.array(), buf.arrayOffset() + from, len);
    } else {
      int pos = buf.position();
      int lim = buf.limit();
      buf.limit(from + len).position(from);
      c.update(buf);
      buf.limit(lim).position(pos);
    }
    return (int) c.getValue();
  }
}
