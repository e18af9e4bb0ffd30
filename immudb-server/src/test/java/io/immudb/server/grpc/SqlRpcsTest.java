package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.Status;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.NamedParam;
import io.immudb.proto.SQLExecRequest;
import io.immudb.proto.SQLExecResult;
import io.immudb.proto.SQLGetRequest;
import io.immudb.proto.SQLQueryRequest;
import io.immudb.proto.SQLQueryResult;
import io.immudb.proto.SQLValue;
import io.immudb.proto.ScanRequest;
import io.immudb.proto.Table;
import io.immudb.proto.TxRequest;
import io.immudb.proto.VerifiableSQLEntry;
import io.immudb.proto.VerifiableSQLGetRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL RPCs with the message shapes of spec v1 §11, over an in-process server. */
class SqlRpcsTest {
  @TempDir Path tmp;
  private InProcessImmudb immudb;

  @AfterEach
  void stop() throws Exception {
    immudb.close();
  }

  private static SQLExecRequest exec(String sql, NamedParam... params) {
    SQLExecRequest.Builder b = SQLExecRequest.newBuilder().setSql(sql);
    for (NamedParam p : params) {
      b.addParams(p);
    }
    return b.build();
  }

  private static NamedParam n(String name, long v) {
    return NamedParam.newBuilder().setName(name).setValue(SQLValue.newBuilder().setN(v)).build();
  }

  private static NamedParam s(String name, String v) {
    return NamedParam.newBuilder().setName(name).setValue(SQLValue.newBuilder().setS(v)).build();
  }

  private static long count(ImmuServiceBlockingStub c, boolean reuse) {
    return c.sQLQuery(
            SQLQueryRequest.newBuilder()
                .setSql("SELECT COUNT(*) FROM s")
                .setReuseSnapshot(reuse)
                .build())
        .getRows(0)
        .getValues(0)
        .getN();
  }

  @Test
  void useSnapshotBoundsTheSessionsFollowingQueries() throws Exception {
    immudb = InProcessImmudb.start(tmp, false);
    ImmuServiceBlockingStub c = immudb.login("immudb", "immudb");
    ImmuServiceBlockingStub other = immudb.login("immudb", "immudb");
    c.sQLExec(exec("CREATE TABLE s (id INTEGER, PRIMARY KEY id)"));
    long first = c.sQLExec(exec("INSERT INTO s (id) VALUES (1)")).getDtxs(0).getId();
    c.sQLExec(exec("INSERT INTO s (id) VALUES (2)"));

    // asBeforeTx: this session's queries read before that tx; another session is not affected
    c.useSnapshot(
        io.immudb.proto.UseSnapshotRequest.newBuilder()
            .setSinceTx(first)
            .setAsBeforeTx(first + 1)
            .build());
    assertThat(count(c, false)).isEqualTo(1);
    assertThat(count(other, false)).isEqualTo(2);

    // without asBeforeTx, reuseSnapshot reads as of the tx the previous query pinned
    c.useSnapshot(io.immudb.proto.UseSnapshotRequest.newBuilder().setSinceTx(first).build());
    assertThat(count(c, false)).isEqualTo(2);
    other.sQLExec(exec("INSERT INTO s (id) VALUES (3)"));
    assertThat(count(c, true)).isEqualTo(2);
    assertThat(count(c, false)).isEqualTo(3);

    InProcessImmudb.fails(
        () ->
            c.useSnapshot(
                io.immudb.proto.UseSnapshotRequest.newBuilder().setSinceTx(first + 100).build()),
        Status.Code.NOT_FOUND,
        "tx not found");
  }

  @Test
  void theNodeSdkStatementsGetImmudbsShapes() throws Exception {
    immudb = InProcessImmudb.start(tmp, false);
    ImmuServiceBlockingStub c = immudb.login("immudb", "immudb");
    SQLExecResult created =
        c.sQLExec(exec("create table t1 (id integer, name varchar, primary key id)"));
    assertThat(created.getCtxsCount()).isEqualTo(1);
    assertThat(created.getDtxsCount()).isZero();
    long[] ids = {1, 2, 3};
    String[] names = {"Joe", "Joe", "Adam"};
    for (int i = 0; i < 3; i++) {
      SQLExecResult r =
          c.sQLExec(
              exec(
                  "insert into t1 (id, name) values (@id, @name)",
                  n("id", ids[i]),
                  s("name", names[i])));
      assertThat(r.getDtxsCount()).isEqualTo(1);
      assertThat(r.getUpdatedRows()).isEqualTo(1);
    }
    SQLQueryResult q =
        c.sQLQuery(
            SQLQueryRequest.newBuilder()
                .setSql("select id,name from t1 where name=@name")
                .addParams(s("name", "Joe"))
                .build());
    assertThat(q.getColumnsList())
        .extracting(col -> col.getName() + " " + col.getType())
        .containsExactly("(defaultdb.t1.id) INTEGER", "(defaultdb.t1.name) VARCHAR");
    assertThat(q.getRowsCount()).isEqualTo(2);
    assertThat(q.getRows(1).getColumnsList())
        .containsExactly("(defaultdb.t1.id)", "(defaultdb.t1.name)");
    assertThat(q.getRows(1).getValues(0).getN()).isEqualTo(2);
    assertThat(q.getRows(1).getValues(1).getS()).isEqualTo("Joe");

    SQLQueryResult tables = c.listTables(Empty.getDefaultInstance());
    assertThat(tables.getColumns(0).getName()).isEqualTo("TABLE");
    assertThat(tables.getRows(0).getValues(0).getS()).isEqualTo("t1");
    assertThat(tables.getRows(0).getColumnsCount()).isZero();

    SQLQueryResult d = c.describeTable(Table.newBuilder().setTableName("t1").build());
    assertThat(d.getColumnsList())
        .extracting(col -> col.getName())
        .containsExactly("COLUMN", "TYPE", "NULLABLE", "INDEX", "AUTO_INCREMENT", "UNIQUE");
    assertThat(d.getRows(0).getValuesList())
        .extracting(SQLValue::toString)
        .containsExactly(
            SQLValue.newBuilder().setS("id").build().toString(),
            SQLValue.newBuilder().setS("INTEGER").build().toString(),
            SQLValue.newBuilder().setB(true).build().toString(),
            SQLValue.newBuilder().setS("PRIMARY KEY").build().toString(),
            SQLValue.newBuilder().setB(false).build().toString(),
            SQLValue.newBuilder().setB(true).build().toString());

    // NULL is the null member; the KV API does not see SQL entries
    c.sQLExec(exec("insert into t1 (id) values (4)"));
    SQLQueryResult nul =
        c.sQLQuery(SQLQueryRequest.newBuilder().setSql("select name from t1 where id = 4").build());
    assertThat(nul.getRows(0).getValues(0).getValueCase()).isEqualTo(SQLValue.ValueCase.NULL);
    assertThat(c.scan(ScanRequest.getDefaultInstance()).getEntriesCount()).isZero();
    InProcessImmudb.fails(
        () -> c.get(KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("t1")).build()),
        Status.Code.NOT_FOUND,
        "key not found");

    VerifiableSQLEntry v =
        c.verifiableSQLGet(
            VerifiableSQLGetRequest.newBuilder()
                .setSqlGetRequest(
                    SQLGetRequest.newBuilder()
                        .setTable("t1")
                        .addPkValues(SQLValue.newBuilder().setN(3)))
                .setProveSinceTx(1)
                .build());
    long rowTx = v.getSqlEntry().getTx();
    assertThat(c.txById(TxRequest.newBuilder().setTx(rowTx).build()).getEntriesList())
        .anySatisfy(e -> assertThat(e.getKey()).isEqualTo(v.getSqlEntry().getKey()));
    assertThat(v.getVerifiableTx().getTx().getMetadata().getId()).isEqualTo(rowTx);
    assertThat(v.getColIdsByNameMap()).containsEntry("(defaultdb.t1.name)", 2);
    assertThat(v.getPKIDsList()).containsExactly(1);
  }

  @Test
  void errorsHaveImmudbTexts() throws Exception {
    immudb = InProcessImmudb.start(tmp, false);
    ImmuServiceBlockingStub c = immudb.login("immudb", "immudb");
    InProcessImmudb.fails(
        () -> c.describeTable(Table.newBuilder().setTableName("nope").build()),
        Status.Code.NOT_FOUND,
        "table does not exist");
    InProcessImmudb.fails(
        () -> c.sQLExec(exec("CREATE DATABASE db2")),
        Status.Code.INVALID_ARGUMENT,
        "SQL statement not supported. Please use `CreateDatabase` operation instead");
    InProcessImmudb.fails(
        () -> c.sQLExec(exec("USE DATABASE db2")),
        Status.Code.INVALID_ARGUMENT,
        "SQL statement not supported. Please use `UseDatabase` operation instead");
    InProcessImmudb.fails(
        () -> c.sQLExec(exec("insert into nope (id) values (1)")),
        Status.Code.NOT_FOUND,
        "table does not exist");
  }
}
