package io.immudb.client;

import io.immudb.core.state.ImmuState;
import java.util.Optional;

/**
 * Where a client keeps the last state it verified, per server identity and database. The client
 * reads it before a verified call and replaces it only after every check of that call passed.
 * Implementations MUST be thread-safe; {@link #set} MUST be durable when it returns if the states
 * are to survive a restart.
 */
public interface StateHolder {
  /** The trusted state of {@code database} on server {@code serverUuid}, if any. */
  Optional<ImmuState> get(String serverUuid, String database);

  /** Makes {@code state} the trusted state of its database on server {@code serverUuid}. */
  void set(String serverUuid, ImmuState state);

  /** A holder that forgets everything when the client goes away. */
  static StateHolder inMemory() {
    return new InMemoryStateHolder();
  }

  /** A holder keeping one file per server and database in {@code dir} (created if missing). */
  static StateHolder inDirectory(java.nio.file.Path dir) {
    return new FileStateHolder(dir);
  }
}
