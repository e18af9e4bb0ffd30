package io.immudb.embedded.store;

import io.immudb.core.tx.HTree;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small LRU cache of per-tx entry trees, so that repeated inclusion proofs into one large tx do
 * not rebuild its tree. Thread-safe (synchronized; held only for map operations).
 */
final class TreeCache {
  private final Map<Long, HTree> map;

  TreeCache(int capacity) {
    this.map =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, HTree> e) {
            return size() > capacity;
          }
        };
  }

  synchronized HTree get(long txId) {
    return map.get(txId);
  }

  synchronized void put(long txId, HTree tree) {
    map.put(txId, tree);
  }
}
