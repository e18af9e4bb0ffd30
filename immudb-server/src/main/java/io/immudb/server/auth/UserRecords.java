package io.immudb.server.auth;

import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.database.Entry;
import io.immudb.server.db.PrefixScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * User records in {@code systemdb}, one plain key {@code 0x01‖username} per user. Each {@link #put}
 * is a new transaction; reads return the latest version. Thread-safe (the database is).
 */
final class UserRecords {
  private final Database systemdb;

  UserRecords(Database systemdb) {
    this.systemdb = systemdb;
  }

  /** The latest version of {@code username}'s record, if any. */
  Optional<User> get(String username) {
    if (username == null || username.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UserCodec.decode(systemdb.get(UserCodec.key(username)).value()));
    } catch (KeyNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Writes a new version of {@code user} as one transaction of {@code systemdb}. */
  void put(User user) {
    systemdb.set(UserCodec.key(user.username()), UserCodec.encode(user));
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
