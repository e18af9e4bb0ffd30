package io.immudb.client.internal;

import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's reading of this server's SQL row entries (docs/design/sql.md, "Key layout"), so that
 * {@code verifiedSqlGet} can rebuild the stored key of the row it asked for and decode the proven
 * value. {@code u32}/{@code u64} are big-endian.
 *
 * <pre>
 * key    0x02 ‖ "R." ‖ u32(db) ‖ u32(table) ‖ pk           pk: per column 0x01 ‖ component
 *        component: INTEGER/TIMESTAMP u64 with the sign bit flipped, BOOLEAN one byte,
 *                   VARCHAR (UTF-8)/BLOB with each 0x00 as 0x00 0xFF, closed by 0x00 0x01
 * value  0x01 ‖ u32(n) ‖ n × (u32(column id) ‖ v)          NULL columns left out
 *        v: INTEGER/TIMESTAMP u64, BOOLEAN one byte, VARCHAR/BLOB u32(len) ‖ bytes
 *        or the tombstone 0x00 of a deleted row
 * </pre>
 *
 * Values are the Java values of the SDK (Long, String, Boolean, byte[]). Stateless.
 */
public final class SqlRowCodec {
  private static final byte[] ROW_PREFIX = {0x02, 'R', '.'};

  private SqlRowCodec() {}

  /**
   * The stored key of the row of table {@code tableId} whose primary key is {@code pk}, each value
   * encoded as the type at the same position of {@code pkTypes}.
   *
   * @throws VerificationException ({@code ENTRY_MISMATCH}) if a value does not fit its type
   */
  public static byte[] rowKey(int dbId, int tableId, List<String> pkTypes, List<Object> pk)
      throws VerificationException {
    if (pkTypes.size() != pk.size()) {
      throw new VerificationException(
          Reason.ENTRY_MISMATCH,
          "the table's primary key has " + pkTypes.size() + " columns, " + pk.size() + " given");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    out.writeBytes(ROW_PREFIX);
    writeInt(out, dbId);
    writeInt(out, tableId);
    for (int i = 0; i < pk.size(); i++) {
      Object v = pk.get(i);
      String type = pkTypes.get(i);
      out.write(1);
      if ((type.equals("INTEGER") || type.equals("TIMESTAMP"))
          && (v instanceof Long || v instanceof Integer)) {
        long x = ((Number) v).longValue() ^ Long.MIN_VALUE;
        for (int s = 56; s >= 0; s -= 8) {
          out.write((int) (x >>> s));
        }
      } else if (type.equals("BOOLEAN") && v instanceof Boolean b) {
        out.write(b ? 1 : 0);
      } else if (type.equals("VARCHAR") && v instanceof String s) {
        escaped(out, s.getBytes(StandardCharsets.UTF_8));
      } else if (type.equals("BLOB") && v instanceof byte[] b) {
        escaped(out, b);
      } else {
        throw new VerificationException(
            Reason.ENTRY_MISMATCH,
            "primary key column "
                + (i + 1)
                + " is "
                + type
                + ", the value given is "
                + (v == null ? "NULL" : v.getClass().getSimpleName()));
      }
    }
    return out.toByteArray();
  }

  /** Whether {@code value} is the tombstone of a deleted row. */
  public static boolean isTombstone(byte[] value) {
    return value.length == 1 && value[0] == 0;
  }

  /**
   * The values by column id of a stored row value, typed by {@code types} (column id to type name).
   *
   * @throws VerificationException ({@code MALFORMED_PROOF}) if it does not decode
   */
  public static Map<Integer, Object> decodeRow(byte[] value, Map<Integer, String> types)
      throws VerificationException {
    Map<Integer, Object> out = new HashMap<>();
    try {
      ByteBuffer b = ByteBuffer.wrap(value);
      if (b.get() != 1) {
        throw malformed("unknown row value version");
      }
      int n = b.getInt();
      for (int i = 0; i < n; i++) {
        int id = b.getInt();
        String type = types.get(id);
        if (type == null) {
          throw malformed("the row has column id " + id + ", which the table lacks");
        }
        Object v =
            switch (type) {
              case "INTEGER", "TIMESTAMP" -> b.getLong();
              case "BOOLEAN" -> b.get() != 0;
              case "VARCHAR" -> new String(bytes(b), StandardCharsets.UTF_8);
              case "BLOB" -> bytes(b);
              default -> throw malformed("unknown column type " + type);
            };
        out.put(id, v);
      }
      if (b.hasRemaining()) {
        throw malformed("trailing bytes after the row's columns");
      }
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw malformed("the row value is truncated");
    }
    return out;
  }

  private static byte[] bytes(ByteBuffer b) {
    int len = b.getInt();
    if (len < 0 || len > b.remaining()) {
      throw new BufferUnderflowException();
    }
    byte[] out = new byte[len];
    b.get(out);
    return out;
  }

  private static VerificationException malformed(String what) {
    return new VerificationException(Reason.MALFORMED_PROOF, what);
  }

  private static void escaped(ByteArrayOutputStream out, byte[] b) {
    for (byte x : b) {
      out.write(x);
      if (x == 0) {
        out.write(0xFF);
      }
    }
    out.write(0);
    out.write(1);
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }
}
