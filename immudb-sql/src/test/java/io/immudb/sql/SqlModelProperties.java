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

  /**
   * Ranges, IN lists and ORDER BY read through the primary key or an index (a nullable one) give
   * what a filter and sort of the model give.
   */
  @Property(tries = 10)
  void rangeAndOrderQueriesEqualTheModel(
      @ForAll("actionLists") List<Action> rowsIn,
      @ForAll @net.jqwik.api.constraints.IntRange(min = -5, max = 15) int a,
      @ForAll @net.jqwik.api.constraints.IntRange(min = -5, max = 15) int b)
      throws Exception {
    Path dir = Files.createTempDirectory("sqlrange");
    try (Database db = SqlEngineTest.open(dir)) {
      SqlEngine sql = SqlEngine.open(db);
      sql.exec(
          "CREATE TABLE t (id INTEGER, v INTEGER, PRIMARY KEY id); CREATE INDEX ON t(v)", Map.of());
      TreeMap<Long, Long> model = new TreeMap<>(); // v = null for a NULL
      for (Action r : rowsIn) {
        Long v = r.v() % 7 == 0 ? null : r.v() % 10;
        sql.exec(
            "UPSERT INTO t (id, v) VALUES (@id, @v)",
            Map.of(
                "id",
                SqlValue.ofInteger(r.id()),
                "v",
                v == null ? SqlValue.NULL : SqlValue.ofInteger(v)));
        model.put(r.id(), v);
      }
      Map<String, SqlValue> p = Map.of("a", SqlValue.ofInteger(a), "b", SqlValue.ofInteger(b));
      java.util.function.BiConsumer<String, java.util.function.Predicate<Map.Entry<Long, Long>>>
          check =
              (where, pred) -> {
                List<Long> want =
                    model.entrySet().stream().filter(pred).map(Map.Entry::getKey).toList();
                assertThat(ids(sql, "SELECT id FROM t WHERE " + where, p))
                    .as(where)
                    .isEqualTo(want);
                assertThat(ids(sql, "SELECT id FROM t WHERE " + where + " ORDER BY id DESC", p))
                    .as(where + " desc")
                    .isEqualTo(reversed(want));
              };
      check.accept("id > @a", e -> e.getKey() > a);
      check.accept("id <= @a", e -> e.getKey() <= a);
      check.accept("id BETWEEN @a AND @b", e -> e.getKey() >= a && e.getKey() <= b);
      check.accept("id IN (@a, @b, 3)", e -> e.getKey() == a || e.getKey() == b || e.getKey() == 3);
      check.accept("v >= @a", e -> e.getValue() != null && e.getValue() >= a);
      check.accept(
          "v < @b AND id > @a", e -> e.getValue() != null && e.getValue() < b && e.getKey() > a);
      check.accept(
          "v IN (@a, @b)", e -> e.getValue() != null && (e.getValue() == a || e.getValue() == b));
      check.accept("v = @a", e -> e.getValue() != null && e.getValue() == a);
      // ORDER BY the indexed, nullable column: NULLs last ascending, first descending
      Comparator<Map.Entry<Long, Long>> byV =
          Comparator.comparing(
              (Map.Entry<Long, Long> e) -> e.getValue(),
              Comparator.nullsLast(Comparator.<Long>naturalOrder()));
      List<Long> asc =
          model.entrySet().stream()
              .sorted(byV.thenComparing(Map.Entry::getKey))
              .map(Map.Entry::getKey)
              .toList();
      assertThat(ids(sql, "SELECT id FROM t ORDER BY v, id", p)).isEqualTo(asc);
      assertThat(ids(sql, "SELECT id FROM t ORDER BY v DESC, id DESC", p)).isEqualTo(reversed(asc));
      List<Long> ranged =
          model.entrySet().stream()
              .filter(e -> e.getValue() != null && e.getValue() > a)
              .sorted(byV.thenComparing(Map.Entry::getKey))
              .map(Map.Entry::getKey)
              .toList();
      assertThat(ids(sql, "SELECT id FROM t WHERE v > @a ORDER BY v, id LIMIT 3", p))
          .isEqualTo(ranged.subList(0, Math.min(3, ranged.size())));
      assertThat(ids(sql, "SELECT id FROM t WHERE v > @a ORDER BY v DESC, id DESC", p))
          .isEqualTo(reversed(ranged));
    } finally {
      deleteTree(dir);
    }
  }

  private static List<Long> ids(SqlEngine sql, String q, Map<String, SqlValue> p) {
    return sql.query(q, p).rows().stream().map(r -> r.get(0).asLong()).toList();
  }

  private static List<Long> reversed(List<Long> l) {
    List<Long> out = new ArrayList<>(l);
    java.util.Collections.reverse(out);
    return out;
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
