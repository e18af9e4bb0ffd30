package io.immudb.client;

/**
 * One operation of {@link ImmuClient#execAll}: all of them are committed in one transaction. A
 * reference or sorted-set member with {@code atTx = 0} is unbound (follows the latest value).
 */
public sealed interface ExecOp {
  /** Set {@code key} to {@code value}. */
  record Kv(byte[] key, byte[] value) implements ExecOp {
    public Kv {
      key = key.clone();
      value = value.clone();
    }
  }

  /** Make {@code key} a reference to {@code referencedKey}. */
  record Ref(byte[] key, byte[] referencedKey, long atTx) implements ExecOp {
    public Ref {
      key = key.clone();
      referencedKey = referencedKey.clone();
    }
  }

  /** Add {@code key} to sorted set {@code set} with {@code score}. */
  record ZAdd(byte[] set, double score, byte[] key, long atTx) implements ExecOp {
    public ZAdd {
      set = set.clone();
      key = key.clone();
    }
  }
}
