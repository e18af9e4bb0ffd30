package io.immudb.bench.load;

import io.immudb.core.kv.KeyValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A user key and value of a data-model {@link StoreLoad} run. It shares the workload's arrays (the
 * value pool) instead of copying them, so the pre-generated workload stays small; the commit turns
 * a tx of them into {@link KeyValue}s, copying each pair once, as a real caller's would be.
 * Thread-safe (never modified).
 */
record UserPair(byte[] key, byte[] value) {
  /** {@code tx} as the pairs {@code Database.setAll} takes. */
  static List<KeyValue> keyValues(List<UserPair> tx) {
    List<KeyValue> out = new ArrayList<>(tx.size());
    for (UserPair p : tx) {
      out.add(new KeyValue(p.key, p.value));
    }
    return out;
  }
}
