package io.immudb.cli.audit;

import io.immudb.client.StateHolder;
import io.immudb.core.state.ImmuState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The auditor's trusted states: the durable ones (one file per server and database, {@code
 * --roots-filepath}) plus the states the SDK's verified calls moved to during the current round,
 * kept aside until the round's remaining checks pass. {@link #commit} makes a state durable; {@link
 * #discard} forgets the staged one, so a round that failed leaves the durable state untouched.
 *
 * <p>Thread-safe.
 */
final class StagedStateHolder implements StateHolder {
  private final StateHolder durable;
  private final Map<String, ImmuState> staged = new ConcurrentHashMap<>();

  StagedStateHolder(StateHolder durable) {
    this.durable = durable;
  }

  private static String key(String serverUuid, String database) {
    return serverUuid + "\n" + database;
  }

  /** The staged state if any, else the durable one. */
  @Override
  public Optional<ImmuState> get(String serverUuid, String database) {
    ImmuState s = staged.get(key(serverUuid, database));
    return s != null ? Optional.of(s) : durable.get(serverUuid, database);
  }

  /** Stages {@code state}; it becomes durable only through {@link #commit}. */
  @Override
  public void set(String serverUuid, ImmuState state) {
    staged.put(key(serverUuid, state.db()), state);
  }

  /** The durable state, ignoring what is staged. */
  Optional<ImmuState> durable(String serverUuid, String database) {
    return durable.get(serverUuid, database);
  }

  /** Makes {@code state} the durable state of its database and drops what was staged for it. */
  void commit(String serverUuid, ImmuState state) {
    durable.set(serverUuid, state);
    staged.remove(key(serverUuid, state.db()));
  }

  /** Drops what was staged for {@code database}; the durable state stays as it was. */
  void discard(String serverUuid, String database) {
    staged.remove(key(serverUuid, database));
  }
}
