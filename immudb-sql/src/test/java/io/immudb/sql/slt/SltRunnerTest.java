package io.immudb.sql.slt;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.kv.SqlCatalog;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.sql.SqlValue;
import io.immudb.sql.internal.Executor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sqllogictest format as {@link SltRunner} reads it, on a small file written here. */
@Timeout(60)
class SltRunnerTest {
  @TempDir Path dir;

  private static final String FILE =
      String.join(
          "\n",
          "# a comment",
          "hash-threshold 8",
          "",
          "statement ok",
          "CREATE TABLE t1(a INTEGER, b INTEGER)",
          "",
          "statement ok",
          "INSERT INTO t1 VALUES(3, 30)",
          "",
          "statement ok",
          "INSERT INTO t1(b, a) VALUES(10, 1), (20, 2)",
          "",
          "statement error",
          "INSERT INTO nosuch VALUES(1)",
          "",
          "query II rowsort",
          "SELECT a, b FROM t1",
          "----",
          "1",
          "10",
          "2",
          "20",
          "3",
          "30",
          "",
          "query I valuesort label-1",
          "SELECT a * 10 FROM t1 UNION ALL SELECT a FROM t1",
          "----",
          "6 values hashing to eec09b499a9f85c0bf4b07134d807d7a",
          "",
          "query IT nosort",
          "SELECT a, CASE WHEN a = 1 THEN '' ELSE NULL END FROM t1 ORDER BY 1 LIMIT 2",
          "----",
          "1",
          "(empty)",
          "2",
          "NULL",
          "",
          "onlyif mysql",
          "query I nosort",
          "SELECT something only mysql parses",
          "----",
          "1",
          "",
          "skipif mysql",
          "query II nosort",
          "SELECT * FROM t1 WHERE a = 2",
          "----",
          "2",
          "20",
          "",
          "query I nosort",
          "SELECT a FROM t1 WHERE a = 2",
          "----",
          "3",
          "",
          "halt",
          "",
          "query I nosort",
          "SELECT never FROM t1",
          "----",
          "");

  @Test
  void runsEveryKindOfRecord() throws Exception {
    StoreOptions options =
        StoreOptions.builder()
            .synced(false)
            .firstTx(
                List.of(new StoredKeyValue(SqlCatalog.firstTxKey(), SqlCatalog.firstTxValue())))
            .build();
    try (Database db = Database.open("slt", dir.resolve("slt"), options)) {
      SltRunner.Report r =
          new SltRunner(new Executor(db.name(), db.sql(), Clock.systemUTC()), 1000).run(FILE);
      assertThat(r.statements()).isEqualTo(4);
      assertThat(r.statementsPassed()).isEqualTo(4); // the error was expected
      // rowsort, hashed valuesort (values sorted as strings, as sqllogictest does), (empty)/NULL,
      // skipif of another engine (the hidden key is
      // not part of SELECT *) pass; the wrong expectation fails; onlyif mysql and the query
      // after halt don't run
      assertThat(r.queries()).isEqualTo(5);
      assertThat(r.queriesPassed()).isEqualTo(4);
      assertThat(r.skipped()).isEqualTo(1);
      assertThat(r.failureClasses()).isEqualTo(Map.of("wrong result", 1));
    }
  }

  @Test
  void formatsValuesAsSqllogictestPrintsThem() {
    assertThat(SltRunner.format(SqlValue.NULL, 'I')).isEqualTo("NULL");
    assertThat(SltRunner.format(SqlValue.ofInteger(-7), 'I')).isEqualTo("-7");
    assertThat(SltRunner.format(SqlValue.ofInteger(2), 'R')).isEqualTo("2.000");
    assertThat(SltRunner.format(SqlValue.ofVarchar(""), 'T')).isEqualTo("(empty)");
    assertThat(SltRunner.format(SqlValue.ofVarchar("a\tb"), 'T')).isEqualTo("a@b");
    assertThat(SltRunner.format(SqlValue.ofBoolean(true), 'I')).isEqualTo("1");
    assertThat(SltRunner.md5(List.of("1", "2", "3", "10", "20", "30")))
        .isEqualTo("735e12f510c2920454f44f91f50d9ee6");
  }
}
