package io.immudb.client;

import com.google.protobuf.Empty;
import io.immudb.client.internal.ProtoDecoder;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.SQLExecRequest;
import io.immudb.proto.SQLExecResult;
import io.immudb.proto.SQLQueryRequest;
import io.immudb.proto.SQLValue;
import io.immudb.proto.TxMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The unverified SQL calls of {@link ImmuClient} (spec v1 §11): {@code SQLExec}, {@code SQLQuery},
 * {@code ListTables}, {@code DescribeTable}, answers decoded to Java values ({@link SqlValues}) and
 * taken as the server says. Thread-safe (stateless over the shared {@link Connection}).
 */
final class SqlOps {
  private final Connection conn;

  SqlOps(Connection conn) {
    this.conn = conn;
  }

  SqlExecResult exec(String sql, Map<String, ?> params) {
    Objects.requireNonNull(sql, "sql");
    SQLExecRequest req =
        SQLExecRequest.newBuilder().setSql(sql).addAllParams(SqlValues.params(params)).build();
    SQLExecResult r = conn.call(s -> s.sQLExec(req));
    Map<String, Object> pks = new LinkedHashMap<>();
    new java.util.TreeMap<>(r.getLastInsertedPKsMap())
        .forEach((t, v) -> pks.put(t, SqlValues.fromWire(v)));
    return new SqlExecResult(
        headers(r.getCtxsList()),
        headers(r.getDtxsList()),
        r.getUpdatedRows(),
        Collections.unmodifiableMap(pks));
  }

  SqlQueryResult query(String sql, Map<String, ?> params) {
    Objects.requireNonNull(sql, "sql");
    SQLQueryRequest req =
        SQLQueryRequest.newBuilder().setSql(sql).addAllParams(SqlValues.params(params)).build();
    return result(conn.call(s -> s.sQLQuery(req)));
  }

  SqlQueryResult listTables() {
    return result(conn.call(s -> s.listTables(Empty.getDefaultInstance())));
  }

  SqlQueryResult describeTable(String table) {
    Objects.requireNonNull(table, "table");
    return result(
        conn.call(
            s -> s.describeTable(io.immudb.proto.Table.newBuilder().setTableName(table).build())));
  }

  private static List<TxHeader> headers(List<TxMetadata> ms) {
    return ms.stream().map(ProtoDecoder::headerUnchecked).toList();
  }

  static SqlQueryResult result(io.immudb.proto.SQLQueryResult r) {
    List<SqlColumn> columns =
        r.getColumnsList().stream().map(c -> SqlColumn.of(c.getName(), c.getType())).toList();
    List<List<Object>> rows = new ArrayList<>(r.getRowsCount());
    for (io.immudb.proto.Row row : r.getRowsList()) {
      List<Object> values = new ArrayList<>(row.getValuesCount());
      for (SQLValue v : row.getValuesList()) {
        values.add(SqlValues.fromWire(v));
      }
      rows.add(Collections.unmodifiableList(values));
    }
    return new SqlQueryResult(columns, Collections.unmodifiableList(rows));
  }
}
