package io.immudb.embedded.database;

/**
 * One operation of an {@code execAll} transaction (spec v1 §9.7 {@code ExecAll}). Thread-safe
 * (immutable); arrays are copied in.
 */
public sealed interface Op {
  /** Set a plain key to a value. */
  record Kv(byte[] key, byte[] value) implements Op {
    public Kv {
      key = key.clone();
      value = value.clone();
    }
  }

  /** Set {@code key} to reference {@code referencedKey} (bound to {@code atTx} if boundRef). */
  record Ref(byte[] key, byte[] referencedKey, long atTx, boolean boundRef) implements Op {
    public Ref {
      key = key.clone();
      referencedKey = referencedKey.clone();
    }
  }

  /** Add {@code key} with {@code score} to sorted set {@code set}. */
  record ZAdd(byte[] set, double score, byte[] key, long atTx, boolean boundRef) implements Op {
    public ZAdd {
      set = set.clone();
      key = key.clone();
    }
  }
}
