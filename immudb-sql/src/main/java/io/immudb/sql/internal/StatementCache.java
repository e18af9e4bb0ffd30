package io.immudb.sql.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed statements of the last {@code capacity} distinct SQL texts, least recently used
 * evicted first: the same INSERT sent again with new parameters is not parsed again. Parsed
 * statements are immutable, so they are shared between callers. Thread-safe (one lock, held only
 * for the map operation; parsing happens outside it).
 */
final class StatementCache {
  private final Map<String, List<Stmt>> map;

  StatementCache(int capacity) {
    this.map =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, List<Stmt>> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The statements of {@code sql}, parsed now or earlier. */
  List<Stmt> parse(String sql) {
    synchronized (map) {
      List<Stmt> hit = map.get(sql);
      if (hit != null) {
        return hit;
      }
    }
    List<Stmt> parsed = SqlParser.parse(sql);
    synchronized (map) {
      map.put(sql, parsed);
    }
    return parsed;
  }
}
