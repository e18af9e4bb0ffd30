package io.immudb.server.auth;

import io.immudb.core.kv.Entry;
import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.database.Database;
import io.immudb.server.db.PrefixScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User records in {@code systemdb}, one plain key {@code 0x01‖username} per user. Each {@link #put}
 * is a new transaction; reads return the latest version. Every call looks its user up, so existing
 * users are cached in memory; this process is the only writer of {@code systemdb}, and {@link #put}
 * updates the cache once its transaction is committed. Thread-safe: a miss loads under the same
 * lock as {@link #put}, so a load never overwrites a newer version.
 */
final class UserRecords {
  private final Database systemdb;
  private final Map<String, User> cache = new ConcurrentHashMap<>();

  UserRecords(Database systemdb) {
    this.systemdb = systemdb;
  }

  /** The latest version of {@code username}'s record, if any. */
  Optional<User> get(String username) {
    if (username == null || username.isEmpty()) {
      return Optional.empty();
    }
    User cached = cache.get(username);
    if (cached != null) {
      return Optional.of(cached);
    }
    synchronized (this) {
      cached = cache.get(username);
      if (cached != null) {
        return Optional.of(cached);
      }
      try {
        User u = UserCodec.decode(systemdb.get(UserCodec.key(username)).value());
        cache.put(username, u);
        return Optional.of(u);
      } catch (KeyNotFoundException e) {
        // Not cached: unknown names come from callers and must not grow the cache.
        return Optional.empty();
      }
    }
  }

  /** Writes a new version of {@code user} as one transaction of {@code systemdb}. */
  synchronized void put(User user) {
    try {
      systemdb.set(UserCodec.key(user.username()), UserCodec.encode(user));
    } catch (RuntimeException e) {
      // The tx may have committed anyway (e.g. the index wait timed out): reload next time.
      cache.remove(user.username());
      throw e;
    }
    cache.put(user.username(), user);
  }

  /** Every user, ordered by username bytes. */
  List<User> all() {
    List<User> out = new ArrayList<>();
    for (Entry e : PrefixScan.all(systemdb, new byte[] {0x01})) {
      out.add(UserCodec.decode(e.value()));
    }
    return out;
  }
}
