package io.immudb.sql.internal;

import io.immudb.sql.SqlType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored value of a table definition (key {@link KeyCodec#tableKey}): {@code 0x01} (format
 * version) ‖ u32 id ‖ str name ‖ u32 n ‖ n × (u32 id ‖ str name ‖ u8 type ‖ u32 maxLen ‖ u8 flags:
 * 1 = NOT NULL, 2 = AUTO_INCREMENT) ‖ u32 k ‖ k × u32 pk column id ‖ u32 m ‖ m × (u32 id ‖ u8
 * unique ‖ u32 j ‖ j × u32 column id) [‖ u32 last index id, only when an index was dropped and the
 * largest id given is no longer among them]; {@code str} is u32 length ‖ UTF-8. Stateless and
 * thread-safe.
 */
final class CatalogCodec {
  private static final SqlType[] TYPES = SqlType.values();

  private CatalogCodec() {}

  static byte[] encode(TableDef t) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
    buf.write(1);
    u32(buf, t.id());
    str(buf, t.name());
    u32(buf, t.columns().size());
    for (ColumnDef c : t.columns()) {
      u32(buf, c.id());
      str(buf, c.name());
      buf.write(c.type().ordinal());
      u32(buf, c.maxLen());
      buf.write((c.notNull() ? 1 : 0) | (c.autoIncrement() ? 2 : 0));
    }
    u32(buf, t.primaryKey().size());
    t.primaryKey().forEach(id -> u32(buf, id));
    u32(buf, t.indexes().size());
    for (IndexDef i : t.indexes()) {
      u32(buf, i.id());
      buf.write(i.unique() ? 1 : 0);
      u32(buf, i.columnIds().size());
      i.columnIds().forEach(id -> u32(buf, id));
    }
    if (t.lastIndexId() > t.indexes().stream().mapToInt(IndexDef::id).max().orElse(0)) {
      u32(buf, t.lastIndexId());
    }
    return buf.toByteArray();
  }

  static TableDef decode(byte[] stored) {
    ByteBuffer b = ByteBuffer.wrap(stored);
    if (b.get() != 1) {
      throw new IllegalArgumentException("unknown table definition format");
    }
    int id = b.getInt();
    String name = str(b);
    int n = b.getInt();
    List<ColumnDef> cols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int cid = b.getInt();
      String cname = str(b);
      SqlType type = TYPES[b.get()];
      int maxLen = b.getInt();
      int flags = b.get();
      cols.add(new ColumnDef(cid, cname, type, maxLen, (flags & 1) != 0, (flags & 2) != 0));
    }
    List<Integer> pk = ids(b);
    int m = b.getInt();
    List<IndexDef> idx = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      int iid = b.getInt();
      boolean unique = b.get() != 0;
      idx.add(new IndexDef(iid, unique, ids(b)));
    }
    int lastIndexId = b.remaining() == 4 ? b.getInt() : 0;
    if (b.hasRemaining()) {
      throw new IllegalArgumentException(b.remaining() + " dangling bytes in table " + name);
    }
    return new TableDef(id, name, cols, pk, idx, lastIndexId);
  }

  private static List<Integer> ids(ByteBuffer b) {
    int k = b.getInt();
    List<Integer> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      out.add(b.getInt());
    }
    return out;
  }

  private static void u32(ByteArrayOutputStream buf, int v) {
    buf.write(v >>> 24);
    buf.write(v >>> 16);
    buf.write(v >>> 8);
    buf.write(v);
  }

  private static void str(ByteArrayOutputStream buf, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    u32(buf, b.length);
    buf.writeBytes(b);
  }

  private static String str(ByteBuffer b) {
    int len = b.getInt();
    byte[] out = new byte[len];
    b.get(out);
    return new String(out, StandardCharsets.UTF_8);
  }
}
