package io.immudb.client;

import io.immudb.core.state.ImmuState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Trusted states in memory only. Thread-safe. */
final class InMemoryStateHolder implements StateHolder {
  private final Map<String, ImmuState> states = new ConcurrentHashMap<>();

  @Override
  public Optional<ImmuState> get(String serverUuid, String database) {
    return Optional.ofNullable(states.get(serverUuid + "/" + database));
  }

  @Override
  public void set(String serverUuid, ImmuState state) {
    states.put(serverUuid + "/" + state.db(), state);
  }
}
