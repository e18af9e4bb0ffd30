package io.immudb.sql.internal;

import io.immudb.sql.SqlValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The stored value of a row version (docs/design/sql.md, "Row values"): {@code 0x01 ‖ u32(n) ‖ n ×
 * (u32(columnId) ‖ value)} for a live row, where NULL columns are left out and a value is 8 bytes
 * (INTEGER, TIMESTAMP), 1 byte (BOOLEAN) or {@code u32(len) ‖ bytes} (VARCHAR as UTF-8, BLOB); a
 * deleted row is the one-byte tombstone {@code 0x00}. Stateless and thread-safe.
 */
public final class RowCodec {
  static final byte[] TOMBSTONE = {0};

  private RowCodec() {}

  /** Encodes {@code row} (one value per column of {@code table}, in column order). */
  static byte[] encode(TableDef table, SqlValue[] row) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
    buf.write(1);
    int n = 0;
    for (SqlValue v : row) {
      n += v.isNull() ? 0 : 1;
    }
    writeInt(buf, n);
    for (int i = 0; i < row.length; i++) {
      SqlValue v = row[i];
      if (v.isNull()) {
        continue;
      }
      writeInt(buf, table.columns().get(i).id());
      switch (v.type()) {
        case INTEGER, TIMESTAMP -> KeyCodec.writeLong(buf, v.asLong());
        case BOOLEAN -> buf.write(v.asBoolean() ? 1 : 0);
        case VARCHAR -> writeBytes(buf, v.asString().getBytes(StandardCharsets.UTF_8));
        case BLOB -> writeBytes(buf, v.asBytes());
      }
    }
    return buf.toByteArray();
  }

  /** Whether a stored row value is a tombstone (a deleted row). */
  public static boolean isTombstone(byte[] stored) {
    return stored.length == 1 && stored[0] == 0;
  }

  /** Decodes a live row value into one value per column of {@code table} (NULL where absent). */
  static SqlValue[] decode(TableDef table, byte[] stored) {
    SqlValue[] row = new SqlValue[table.columns().size()];
    Arrays.fill(row, SqlValue.NULL);
    ByteBuffer b = ByteBuffer.wrap(stored);
    if (b.get() != 1) {
      throw new IllegalArgumentException("not a live row value");
    }
    int n = b.getInt();
    for (int k = 0; k < n; k++) {
      int pos = table.position(b.getInt());
      ColumnDef c = table.columns().get(pos);
      row[pos] =
          switch (c.type()) {
            case INTEGER -> SqlValue.ofInteger(b.getLong());
            case TIMESTAMP -> SqlValue.ofTimestamp(b.getLong());
            case BOOLEAN -> SqlValue.ofBoolean(b.get() != 0);
            case VARCHAR -> SqlValue.ofVarchar(new String(readBytes(b), StandardCharsets.UTF_8));
            case BLOB -> SqlValue.ofBlob(readBytes(b));
          };
    }
    return row;
  }

  private static void writeInt(ByteArrayOutputStream buf, int v) {
    buf.write(v >>> 24);
    buf.write(v >>> 16);
    buf.write(v >>> 8);
    buf.write(v);
  }

  private static void writeBytes(ByteArrayOutputStream buf, byte[] b) {
    writeInt(buf, b.length);
    buf.writeBytes(b);
  }

  private static byte[] readBytes(ByteBuffer b) {
    int len = b.getInt();
    if (len < 0 || len > b.remaining()) {
      throw new IllegalArgumentException("length " + len + " beyond the row value");
    }
    byte[] out = new byte[len];
    b.get(out);
    return out;
  }
}
