package io.immudb.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.embedded.database.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A random sequence of INSERT, UPSERT, UPDATE and DELETE, then SELECTs now and at every past tx
 * (UNTIL TX), equals a naive in-memory model: a sorted map per committed tx. Lookups by the indexed
 * column {@code v} go through the secondary index.
 */
class SqlModelProperties {
  enum Kind {
    INSERT,
    UPSERT,
    UPDATE,
    DELETE,
    DELETE_BELOW
  }

  record Action(Kind kind, long id, long v) {}

  @Provide
  Arbitrary<Action> actions() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.longs().between(-3, 12),
            Arbitraries.longs().between(-50, 50))
        .as(Action::new);
  }

  @Provide
  Arbitrary<List<Action>> actionLists() {
    return actions().list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 15)
  void selectsEqualTheModelNowAndAtEveryPastTx(@ForAll("actionLists") List<Action> actions)
      throws Exception {
    Path dir = Files.createTempDirectory("sqlmodel");
    try (Database db = SqlEngineTest.open(dir)) {
      SqlEngine sql = SqlEngine.open(db);
      sql.exec(
          "CREATE TABLE t (id INTEGER, v INTEGER, PRIMARY KEY id); CREATE INDEX ON t(v)", Map.of());
      TreeMap<Long, Long> model = new TreeMap<>();
      TreeMap<Long, TreeMap<Long, Long>> byTx = new TreeMap<>();
      byTx.put(db.lastTxId(), new TreeMap<>());
      for (Action a : actions) {
        Map<String, SqlValue> p =
            Map.of("id", SqlValue.ofInteger(a.id()), "v", SqlValue.ofInteger(a.v()));
        ExecResult r;
        switch (a.kind()) {
          case INSERT -> {
            if (model.containsKey(a.id())) {
              long before = db.lastTxId();
              assertThatThrownBy(() -> sql.exec("INSERT INTO t (id, v) VALUES (@id, @v)", p))
                  .hasMessageContaining("duplicate primary key");
              assertThat(db.lastTxId()).isEqualTo(before);
              continue;
            }
            r = sql.exec("INSERT INTO t (id, v) VALUES (@id, @v)", p);
            model.put(a.id(), a.v());
          }
          case UPSERT -> {
            r = sql.exec("UPSERT INTO t (id, v) VALUES (@id, @v)", p);
            model.put(a.id(), a.v());
          }
          case UPDATE -> {
            r = sql.exec("UPDATE t SET v = v + @v WHERE id = @id", p);
            model.computeIfPresent(a.id(), (k, old) -> old + a.v());
          }
          case DELETE -> {
            r = sql.exec("DELETE FROM t WHERE id = @id", p);
            model.remove(a.id());
          }
          default -> {
            r = sql.exec("DELETE FROM t WHERE v < @v", p);
            model.values().removeIf(v -> v < a.v());
          }
        }
        if (!r.dtxs().isEmpty()) {
          byTx.put(r.dtxs().get(0).id(), new TreeMap<>(model));
        }
      }
      assertThat(select(sql, "SELECT id, v FROM t", Map.of())).isEqualTo(rows(model));
      assertThat(select(sql, "SELECT id, v FROM t ORDER BY v DESC, id", Map.of()))
          .isEqualTo(
              rows(model).stream()
                  .sorted(
                      Comparator.<List<Long>, Long>comparing(r -> -r.get(1))
                          .thenComparing(r -> r.get(0)))
                  .toList());
      assertThat(select(sql, "SELECT COUNT(*) FROM t WHERE v >= 0", Map.of()))
          .isEqualTo(List.of(List.of(model.values().stream().filter(v -> v >= 0).count())));
      for (long tx = byTx.firstKey(); tx <= db.lastTxId(); tx++) {
        TreeMap<Long, Long> then = byTx.floorEntry(tx).getValue();
        assertThat(
                select(
                    sql, "SELECT id, v FROM t UNTIL TX @tx", Map.of("tx", SqlValue.ofInteger(tx))))
            .as("as of tx %d", tx)
            .isEqualTo(rows(then));
        for (long v : then.values().stream().distinct().limit(3).toList()) {
          TreeMap<Long, Long> withV = new TreeMap<>(then);
          withV.values().removeIf(x -> x != v);
          assertThat(
                  select(
                      sql,
                      "SELECT id, v FROM t UNTIL TX @tx WHERE v = @v",
                      Map.of("tx", SqlValue.ofInteger(tx), "v", SqlValue.ofInteger(v))))
              .as("v = %d as of tx %d (index lookup)", v, tx)
              .isEqualTo(rows(withV));
        }
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static List<List<Long>> rows(TreeMap<Long, Long> m) {
    List<List<Long>> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(List.of(k, v)));
    return out;
  }

  private static List<List<Long>> select(SqlEngine sql, String q, Map<String, SqlValue> p) {
    List<List<Long>> out = new ArrayList<>();
    for (List<SqlValue> r : sql.query(q, p).rows()) {
      out.add(r.stream().map(SqlValue::asLong).toList());
    }
    return out;
  }

  private static void deleteTree(Path dir) throws Exception {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
