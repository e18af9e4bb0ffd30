package io.immudb.embedded.internal.index;

/**
 * Builds a RocksDB write batch in its serialized form, the byte layout {@code new
 * WriteBatch(byte[])} accepts (and {@code WriteBatch.data()} returns), for puts only:
 *
 * <pre>
 * rep    = fixed64 sequence (0) ‖ fixed32 count ‖ record*          fixed: little-endian
 * record = 01 ‖ varstring key ‖ varstring value                   (default column family)
 *        | 05 ‖ varint32 cfId ‖ varstring key ‖ varstring value   (any other column family)
 * varstring = varint32 length ‖ bytes;  varint32: 7 bits a byte, low first, high bit = more
 * </pre>
 *
 * <p>This is the layout of RocksDB's own write-ahead log records, stable across its releases;
 * {@code WriteBatchRepTest} checks it byte for byte against what the bundled RocksDB builds with
 * {@code put}, and RocksDB itself rejects a batch whose record count does not match its records.
 *
 * <p>Not thread-safe: one builder per batch. The caller MUST write exactly the sizes it announced
 * with {@link #putSize}.
 */
final class WriteBatchRep {
  /** Bytes of the header: sequence and count. */
  static final int HEADER = 12;

  private static final byte TYPE_VALUE = 0x1;
  private static final byte TYPE_COLUMN_FAMILY_VALUE = 0x5;

  private final byte[] out;
  private int pos = HEADER;

  /** A builder for exactly {@code size} bytes holding {@code count} records. */
  WriteBatchRep(int size, int count) {
    out = new byte[size];
    out[8] = (byte) count;
    out[9] = (byte) (count >>> 8);
    out[10] = (byte) (count >>> 16);
    out[11] = (byte) (count >>> 24);
  }

  /** The serialized size of one put to column family {@code cfId}. */
  static long putSize(int cfId, int keyLen, int valueLen) {
    long n = 1L + varintSize(keyLen) + keyLen + varintSize(valueLen) + valueLen;
    return cfId == 0 ? n : n + varintSize(cfId);
  }

  /** Starts a put: the record type, the column family and the key's length. */
  void beginPut(int cfId, int keyLen) {
    if (cfId == 0) {
      out[pos++] = TYPE_VALUE;
    } else {
      out[pos++] = TYPE_COLUMN_FAMILY_VALUE;
      varint(cfId);
    }
    varint(keyLen);
  }

  /** Starts the value of the current put: its length. */
  void beginValue(int valueLen) {
    varint(valueLen);
  }

  void bytes(byte[] b) {
    System.arraycopy(b, 0, out, pos, b.length);
    pos += b.length;
  }

  /** The array being filled, for encoders that write into it at {@link #position()}. */
  byte[] array() {
    return out;
  }

  int position() {
    return pos;
  }

  /** Moves past {@code n} bytes an encoder wrote at {@link #position()}. */
  void advance(int n) {
    pos += n;
  }

  /** Returns the batch; throws if the announced size was not filled exactly. */
  byte[] finish() {
    if (pos != out.length) {
      throw new IllegalStateException("write batch filled " + pos + " of " + out.length + " bytes");
    }
    return out;
  }

  static int varintSize(int v) {
    int n = 1;
    while ((v & ~0x7F) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  private void varint(int v) {
    while ((v & ~0x7F) != 0) {
      out[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[pos++] = (byte) v;
  }
}
