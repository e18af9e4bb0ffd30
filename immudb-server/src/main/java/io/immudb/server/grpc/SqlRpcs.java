package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.NullValue;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.database.VerifiableSqlEntry;
import io.immudb.proto.Column;
import io.immudb.proto.NamedParam;
import io.immudb.proto.Row;
import io.immudb.proto.SQLEntry;
import io.immudb.proto.SQLExecRequest;
import io.immudb.proto.SQLExecResult;
import io.immudb.proto.SQLGetRequest;
import io.immudb.proto.SQLQueryRequest;
import io.immudb.proto.SQLQueryResult;
import io.immudb.proto.SQLValue;
import io.immudb.proto.VerifiableSQLEntry;
import io.immudb.proto.VerifiableSQLGetRequest;
import io.immudb.sql.ColumnDescription;
import io.immudb.sql.ExecResult;
import io.immudb.sql.QueryResult;
import io.immudb.sql.ResultColumn;
import io.immudb.sql.SqlEngine;
import io.immudb.sql.SqlValue;
import io.immudb.sql.TableInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL RPCs of spec v1 §11 ({@code SQLExec}, {@code SQLQuery}, {@code ListTables}, {@code
 * DescribeTable}, {@code VerifiableSQLGet}, {@code UseSnapshot}) over the {@link SqlEngine} of each
 * database, with immudb's message shapes: selectors {@code (<db>.<table>.<col>)} in {@code columns}
 * and again in every {@code Row.columns}, SQL NULL as the {@code null} member of {@code SQLValue},
 * DDL txs in {@code ctxs} and DML txs in {@code dtxs}. A TIMESTAMP goes out as {@code n}, in
 * microseconds since the Unix epoch.
 *
 * <p>{@code UseSnapshot(sinceTx, asBeforeTx)} sets the snapshot bounds of the calling session (its
 * token, on its database) for the SQL queries that follow: it waits until tx {@code sinceTx} is
 * indexed ({@code tx not found} beyond the last tx) and pins the current tx; from then on each
 * query reads before tx {@code asBeforeTx} (if not 0), and a query with {@code reuseSnapshot} reads
 * as of the tx the previous query (or UseSnapshot) pinned, so several queries see one state; a
 * query without it pins a fresh one. At most {@value #MAX_SESSIONS} sessions are remembered (the
 * least recently used is forgotten). With authentication off, every caller is the same session.
 *
 * <p>Thread-safe: one engine per open {@link Database}, made on first use.
 */
final class SqlRpcs {
  static final int MAX_SESSIONS = 10_000;

  private record Bound(Database db, SqlEngine engine) {}

  /** A session's snapshot bounds: read before {@code asBeforeTx} (0 = no bound), pinned tx. */
  private record SessionSnapshot(long asBeforeTx, long pinnedTx) {}

  private final Map<String, Bound> engines = new ConcurrentHashMap<>();

  private final Map<String, SessionSnapshot> sessions =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SessionSnapshot> e) {
              return size() > MAX_SESSIONS;
            }
          });

  /** The engine of {@code db}; a database reopened under the same name gets a new one. */
  SqlEngine engine(Database db) {
    Bound bound = engines.get(db.name());
    if (bound != null && bound.db() == db) {
      return bound.engine(); // no lock on the map's bin: every call of every client comes here
    }
    return engines
        .compute(
            db.name(),
            (name, b) -> b != null && b.db() == db ? b : new Bound(db, SqlEngine.open(db)))
        .engine();
  }

  SQLExecResult exec(Database db, SQLExecRequest req) {
    return answer(engine(db).exec(req.getSql(), params(req.getParamsList())));
  }

  /**
   * {@code SQLExec} without blocking, for a lone INSERT or UPSERT of values ({@link
   * SqlEngine#tryExecAsync}): the answer's future completes once the row's tx is committed and
   * indexed. Null, having done nothing, for any other script, and before the database's engine
   * exists (opening it reads the catalog, which may wait for the index): serve those with {@link
   * #exec}.
   */
  java.util.concurrent.CompletableFuture<SQLExecResult> tryExecAsync(
      Database db, SQLExecRequest req) {
    Bound bound = engines.get(db.name());
    if (bound == null || bound.db() != db) {
      return null;
    }
    var pending = bound.engine().tryExecAsync(req.getSql(), params(req.getParamsList()));
    return pending == null ? null : pending.thenApply(SqlRpcs::answer);
  }

  private static SQLExecResult answer(ExecResult r) {
    SQLExecResult.Builder b = SQLExecResult.newBuilder();
    r.ctxs().forEach(h -> b.addCtxs(WireCodec.txMetadata(h)));
    r.dtxs().forEach(h -> b.addDtxs(WireCodec.txMetadata(h)));
    b.setUpdatedRows((int) Math.min(r.updatedRows(), 0xFFFF_FFFFL));
    r.lastInsertedPks()
        .forEach((t, id) -> b.putLastInsertedPKs(t, SQLValue.newBuilder().setN(id).build()));
    return b.build();
  }

  SQLQueryResult query(Database db, String session, SQLQueryRequest req) {
    SqlEngine engine = engine(db);
    Map<String, SqlValue> params = params(req.getParamsList());
    SessionSnapshot snap = sessions.isEmpty() ? null : sessions.get(key(db, session));
    if (snap == null) {
      return result(engine.query(req.getSql(), params), true);
    }
    long pinned = req.getReuseSnapshot() ? snap.pinnedTx() : db.sql().lastTxId();
    if (!req.getReuseSnapshot()) {
      sessions.put(key(db, session), new SessionSnapshot(snap.asBeforeTx(), pinned));
    }
    long asOf = snap.asBeforeTx() == 0 ? pinned : Math.min(pinned, snap.asBeforeTx() - 1);
    return result(engine.queryAsOf(req.getSql(), params, asOf), true);
  }

  /** {@code UseSnapshot}: the snapshot bounds of {@code session}'s next queries (class comment). */
  void useSnapshot(Database db, String session, io.immudb.proto.UseSnapshotRequest req) {
    long since = req.getSinceTx();
    long before = req.getAsBeforeTx();
    if (since < 0 || before < 0) {
      throw new io.immudb.embedded.InvalidRequestException(
          io.immudb.embedded.InvalidRequestException.Kind.ILLEGAL_ARGUMENTS,
          "sinceTx and asBeforeTx must be below 2^63");
    }
    long last = db.sql().lastTxId();
    if (since > last) {
      throw new io.immudb.embedded.TxNotFoundException(since, last);
    }
    // a view waits for the index to reach the last tx, hence sinceTx
    db.sql().view().close();
    sessions.put(key(db, session), new SessionSnapshot(before, last));
  }

  private static String key(Database db, String session) {
    return db.name() + "\0" + session;
  }

  SQLQueryResult listTables(Database db) {
    SQLQueryResult.Builder b =
        SQLQueryResult.newBuilder()
            .addColumns(Column.newBuilder().setName("TABLE").setType("VARCHAR"));
    for (String t : engine(db).listTables()) {
      b.addRows(Row.newBuilder().addValues(SQLValue.newBuilder().setS(t)));
    }
    return b.build();
  }

  SQLQueryResult describeTable(Database db, String table) {
    SQLQueryResult.Builder b = SQLQueryResult.newBuilder();
    String[][] cols = {
      {"COLUMN", "VARCHAR"},
      {"TYPE", "VARCHAR"},
      {"NULLABLE", "BOOLEAN"},
      {"INDEX", "VARCHAR"},
      {"AUTO_INCREMENT", "BOOLEAN"},
      {"UNIQUE", "BOOLEAN"}
    };
    for (String[] c : cols) {
      b.addColumns(Column.newBuilder().setName(c[0]).setType(c[1]));
    }
    for (ColumnDescription d : engine(db).describeTable(table)) {
      b.addRows(
          Row.newBuilder()
              .addValues(SQLValue.newBuilder().setS(d.name()))
              .addValues(SQLValue.newBuilder().setS(d.type()))
              .addValues(SQLValue.newBuilder().setB(d.nullable()))
              .addValues(SQLValue.newBuilder().setS(d.index()))
              .addValues(SQLValue.newBuilder().setB(d.autoIncrement()))
              .addValues(SQLValue.newBuilder().setB(d.unique())));
    }
    return b.build();
  }

  /** {@code VerifiableSQLGet} (spec v1 §7.4, §11): the row entry, its proofs and the id maps. */
  VerifiableSQLEntry verifiableSqlGet(Database db, VerifiableSQLGetRequest req) {
    SQLGetRequest g = req.getSqlGetRequest();
    SqlEngine engine = engine(db);
    List<SqlValue> pk = new ArrayList<>();
    g.getPkValuesList().forEach(v -> pk.add(value(v)));
    VerifiableSqlEntry e =
        engine.verifiableGet(g.getTable(), pk, g.getAtTx(), req.getProveSinceTx());
    TableInfo t = engine.tableInfo(g.getTable());
    VerifiableSQLEntry.Builder b =
        VerifiableSQLEntry.newBuilder()
            .setSqlEntry(
                SQLEntry.newBuilder()
                    .setTx(e.entry().txId())
                    .setKey(ByteString.copyFrom(e.entry().key()))
                    .setValue(ByteString.copyFrom(e.entry().value())))
            .setVerifiableTx(WireCodec.verifiableTx(e.verifiableTx()))
            .setInclusionProof(WireCodec.inclusionProof(e.inclusionProof()))
            .setDatabaseId(1)
            .setTableId(t.id());
    String prefix = "(" + db.name() + "." + t.name() + ".";
    for (TableInfo.Column c : t.columns()) {
      b.putColNamesById(c.id(), prefix + c.name() + ")");
      b.putColIdsByName(prefix + c.name() + ")", c.id());
      b.putColTypesById(c.id(), c.type().name());
      b.putColLenById(c.id(), c.maxLen());
    }
    t.primaryKey().forEach(b::addPKIDs);
    return b.build();
  }

  private static SQLQueryResult result(QueryResult r, boolean rowColumns) {
    SQLQueryResult.Builder b = SQLQueryResult.newBuilder();
    List<String> names = new ArrayList<>();
    for (ResultColumn c : r.columns()) {
      b.addColumns(Column.newBuilder().setName(c.name()).setType(c.type()));
      names.add(c.name());
    }
    for (List<SqlValue> row : r.rows()) {
      Row.Builder rb = Row.newBuilder();
      if (rowColumns) {
        rb.addAllColumns(names);
      }
      row.forEach(v -> rb.addValues(wire(v)));
      b.addRows(rb);
    }
    return b.build();
  }

  static Map<String, SqlValue> params(List<NamedParam> params) {
    Map<String, SqlValue> out = new HashMap<>();
    for (NamedParam p : params) {
      out.put(p.getName(), value(p.getValue()));
    }
    return out;
  }

  static SqlValue value(SQLValue v) {
    return switch (v.getValueCase()) {
      case N -> SqlValue.ofInteger(v.getN());
      case S -> SqlValue.ofVarchar(v.getS());
      case B -> SqlValue.ofBoolean(v.getB());
      case BS -> SqlValue.ofBlob(v.getBs().toByteArray());
      case NULL, VALUE_NOT_SET -> SqlValue.NULL;
    };
  }

  static SQLValue wire(SqlValue v) {
    SQLValue.Builder b = SQLValue.newBuilder();
    if (v.isNull()) {
      return b.setNull(NullValue.NULL_VALUE).build();
    }
    return switch (v.type()) {
      case INTEGER, TIMESTAMP -> b.setN(v.asLong()).build();
      case VARCHAR -> b.setS(v.asString()).build();
      case BOOLEAN -> b.setB(v.asBoolean()).build();
      case BLOB -> b.setBs(ByteString.copyFrom(v.asBytes())).build();
    };
  }
}
