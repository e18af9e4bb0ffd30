package io.immudb.embedded.database;

/**
 * A key scan over the plain key-value namespace (spec v1 §9.7 {@code Scan}). Build with {@link
 * #builder()}. Thread-safe (immutable); arrays are copied in.
 *
 * @param prefix only keys starting with this (empty: all)
 * @param seekKey start after this key (exclusive; empty: from the first, or last when desc)
 * @param endKey stop at this key (inclusive; empty: no bound)
 * @param desc descending key order
 * @param limit most results; 0 means the default of 1000, more than 1000 is refused
 * @param sinceTx wait until the index reaches this tx; 0 means the last committed tx
 * @param noWait answer from the index as it is, without waiting
 * @param atTx view the keys as of this tx (0: the current state)
 */
public record ScanRequest(
    byte[] prefix,
    byte[] seekKey,
    byte[] endKey,
    boolean desc,
    long limit,
    long sinceTx,
    boolean noWait,
    long atTx) {
  public ScanRequest {
    prefix = prefix == null ? new byte[0] : prefix.clone();
    seekKey = seekKey == null ? new byte[0] : seekKey.clone();
    endKey = endKey == null ? new byte[0] : endKey.clone();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link ScanRequest}. Not thread-safe. */
  public static final class Builder {
    private byte[] prefix;
    private byte[] seekKey;
    private byte[] endKey;
    private boolean desc;
    private long limit;
    private long sinceTx;
    private boolean noWait;
    private long atTx;

    public Builder prefix(byte[] v) {
      prefix = v;
      return this;
    }

    public Builder seekKey(byte[] v) {
      seekKey = v;
      return this;
    }

    public Builder endKey(byte[] v) {
      endKey = v;
      return this;
    }

    public Builder desc(boolean v) {
      desc = v;
      return this;
    }

    public Builder limit(long v) {
      limit = v;
      return this;
    }

    public Builder sinceTx(long v) {
      sinceTx = v;
      return this;
    }

    public Builder noWait(boolean v) {
      noWait = v;
      return this;
    }

    public Builder atTx(long v) {
      atTx = v;
      return this;
    }

    public ScanRequest build() {
      return new ScanRequest(prefix, seekKey, endKey, desc, limit, sinceTx, noWait, atTx);
    }
  }
}
