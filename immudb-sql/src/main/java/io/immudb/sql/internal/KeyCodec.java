package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The stored keys of the SQL namespace (docs/design/sql.md, "Key layout"). Everything starts with
 * {@code 0x02}; {@code u32} is big-endian; {@code db} is the SQL database id, always 1 (spec v1
 * §10):
 *
 * <pre>
 * 0x02 ‖ "CTL.DATABASE." ‖ u32(db)                          the database (tx 1, spec v1 §10)
 * 0x02 ‖ "CTL.TABLE."    ‖ u32(db) ‖ u32(table)             a table definition
 * 0x02 ‖ "R."            ‖ u32(db) ‖ u32(table) ‖ pk        a row version (or its tombstone)
 * 0x02 ‖ "I."            ‖ u32(db) ‖ u32(table) ‖ u32(index) ‖ values [‖ pk]   an index entry
 * </pre>
 *
 * <p>{@code pk} and index {@code values} are order-preserving encodings ({@link #appendValue}), so
 * unsigned byte order of row keys is primary-key order: a point lookup is one key and a PK-ordered
 * scan is a prefix range scan. Stateless and thread-safe.
 */
public final class KeyCodec {
  static final int DB_ID = 1;
  private static final byte[] TABLE_PREFIX = ascii("CTL.TABLE.");
  private static final byte[] ROW_PREFIX = ascii("R.");
  private static final byte[] INDEX_PREFIX = ascii("I.");

  private KeyCodec() {}

  /** The prefix of every table definition key. */
  static byte[] tablesPrefix() {
    return new Out().b(0x02).bytes(TABLE_PREFIX).u32(DB_ID).done();
  }

  static byte[] tableKey(int tableId) {
    return new Out().b(0x02).bytes(TABLE_PREFIX).u32(DB_ID).u32(tableId).done();
  }

  /** The prefix of every row key of table {@code tableId}. */
  public static byte[] rowPrefix(int tableId) {
    return new Out().b(0x02).bytes(ROW_PREFIX).u32(DB_ID).u32(tableId).done();
  }

  /** The key of the row whose primary key is {@code pkValues} (in key order, none NULL). */
  public static byte[] rowKey(int tableId, List<SqlValue> pkValues) {
    Out o = new Out().b(0x02).bytes(ROW_PREFIX).u32(DB_ID).u32(tableId);
    for (SqlValue v : pkValues) {
      if (v.isNull()) {
        throw SqlException.invalid("a primary key value cannot be NULL");
      }
      appendValue(o.buf, v);
    }
    return o.done();
  }

  /** The prefix of every entry of index {@code indexId} of table {@code tableId}. */
  static byte[] indexPrefix(int tableId, int indexId) {
    return new Out().b(0x02).bytes(INDEX_PREFIX).u32(DB_ID).u32(tableId).u32(indexId).done();
  }

  /** An index entry key: the prefix, the indexed values, then (non-unique only) the primary key. */
  static byte[] indexKey(int tableId, int indexId, List<SqlValue> values, byte[] pkSuffix) {
    Out o = new Out().bytes(indexPrefix(tableId, indexId));
    for (SqlValue v : values) {
      appendValue(o.buf, v);
    }
    if (pkSuffix != null) {
      o.bytes(pkSuffix);
    }
    return o.done();
  }

  /**
   * Appends an order-preserving encoding of {@code v}: {@code 0x00} for NULL (first), else {@code
   * 0x01} then INTEGER/TIMESTAMP as u64 with the sign bit flipped, BOOLEAN as one byte,
   * VARCHAR/BLOB with each {@code 0x00} escaped as {@code 0x00 0xFF} and ended by {@code 0x00
   * 0x01}.
   */
  static void appendValue(ByteArrayOutputStream buf, SqlValue v) {
    if (v.isNull()) {
      buf.write(0);
      return;
    }
    buf.write(1);
    switch (v.type()) {
      case INTEGER, TIMESTAMP -> writeLong(buf, v.asLong() ^ Long.MIN_VALUE);
      case BOOLEAN -> buf.write(v.asBoolean() ? 1 : 0);
      case VARCHAR, BLOB -> {
        byte[] b =
            v.type() == io.immudb.sql.SqlType.VARCHAR
                ? v.asString().getBytes(StandardCharsets.UTF_8)
                : v.asBytes();
        for (byte x : b) {
          buf.write(x);
          if (x == 0) {
            buf.write(0xFF);
          }
        }
        buf.write(0);
        buf.write(1);
      }
    }
  }

  /** The offset right after the value of type {@code type} encoded at {@code off} of {@code k}. */
  static int skipValue(byte[] k, int off, io.immudb.sql.SqlType type) {
    if (k[off] == 0) {
      return off + 1; // NULL
    }
    off++;
    return switch (type) {
      case INTEGER, TIMESTAMP -> off + 8;
      case BOOLEAN -> off + 1;
      case VARCHAR, BLOB -> {
        while (!(k[off] == 0 && k[off + 1] == 1)) {
          off += k[off] == 0 ? 2 : 1;
        }
        yield off + 2;
      }
    };
  }

  static void writeLong(ByteArrayOutputStream buf, long v) {
    for (int i = 56; i >= 0; i -= 8) {
      buf.write((int) (v >>> i));
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** A tiny big-endian key builder. */
  private static final class Out {
    final ByteArrayOutputStream buf = new ByteArrayOutputStream(32);

    Out b(int x) {
      buf.write(x);
      return this;
    }

    Out bytes(byte[] b) {
      buf.writeBytes(b);
      return this;
    }

    Out u32(int v) {
      buf.write(v >>> 24);
      buf.write(v >>> 16);
      buf.write(v >>> 8);
      buf.write(v);
      return this;
    }

    byte[] done() {
      return buf.toByteArray();
    }
  }
}
