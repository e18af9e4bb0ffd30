package io.immudb.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.sql.SqlException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementCacheTest {
  @Test
  void sameTextIsParsedOnceUntilEvicted() {
    StatementCache cache = new StatementCache(2);
    String a = "INSERT INTO t (id, name) VALUES (@id, @name)";
    List<Stmt> first = cache.parse(a);
    assertThat(cache.parse(a)).isSameAs(first);
    assertThat(first.get(0)).isInstanceOf(Stmt.Insert.class);
    cache.parse("SELECT id FROM t");
    cache.parse("SELECT name FROM t");
    assertThat(cache.parse(a)).isNotSameAs(first).isEqualTo(first);
  }

  @Test
  void syntaxErrorsAreNotCached() {
    StatementCache cache = new StatementCache(2);
    assertThatThrownBy(() -> cache.parse("INSERT INTO")).isInstanceOf(SqlException.class);
    assertThatThrownBy(() -> cache.parse("INSERT INTO")).isInstanceOf(SqlException.class);
  }
}
