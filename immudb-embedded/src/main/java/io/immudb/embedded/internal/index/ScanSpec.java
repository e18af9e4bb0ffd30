package io.immudb.embedded.internal.index;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What an {@link IndexSnapshot#scan} returns: distinct stored keys in a range, each with its newest
 * version as of a transaction.
 *
 * <p>All keys are stored keys (namespace byte first) and compare as unsigned bytes. Ascending, the
 * scan returns the keys {@code k} that start with {@code prefix} and have {@code k > seekKey}
 * ({@code ≥} if {@code inclusiveSeek}) and {@code k < endKey} ({@code ≤} if {@code inclusiveEnd}),
 * smallest first. Descending, {@code seekKey} bounds from above ({@code k < seekKey}, or {@code ≤})
 * and {@code endKey} from below ({@code k > endKey}, or {@code ≥}), largest first. A null or empty
 * {@code seekKey} / {@code endKey} means no bound (the scan starts at the first or, descending, the
 * last key of the prefix range). At most {@code limit} keys are returned.
 *
 * <p>Thread-safe (immutable): arrays are copied on the way in and on the way out; an empty key is
 * normalised to {@code null} and a null prefix to the empty prefix. Build one with {@link
 * #builder()}.
 *
 * @param prefix only keys starting with it; empty = all keys
 * @param seekKey the start position, or null
 * @param inclusiveSeek whether a key equal to {@code seekKey} is returned
 * @param endKey the stop position, or null
 * @param inclusiveEnd whether a key equal to {@code endKey} is returned
 * @param desc largest key first
 * @param limit the maximum number of keys; requires {@code limit >= 1}
 * @param atTx 0 = the snapshot's tx; otherwise the view as of tx {@code atTx}; requires {@code atTx
 *     >= 0} (and {@code atTx <=} the snapshot's tx when scanning)
 */
public record ScanSpec(
    byte[] prefix,
    byte[] seekKey,
    boolean inclusiveSeek,
    byte[] endKey,
    boolean inclusiveEnd,
    boolean desc,
    int limit,
    long atTx) {
  private static final byte[] EMPTY = new byte[0];

  public ScanSpec {
    prefix = prefix == null ? EMPTY : prefix.clone();
    seekKey = seekKey == null || seekKey.length == 0 ? null : seekKey.clone();
    endKey = endKey == null || endKey.length == 0 ? null : endKey.clone();
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    if (atTx < 0) {
      throw new IllegalArgumentException("atTx must be >= 0, got " + atTx);
    }
  }

  /** Returns a builder: empty prefix, no bounds, ascending, limit 1000, {@code atTx} 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a copy of the prefix (never null). */
  @Override
  public byte[] prefix() {
    return prefix.clone();
  }

  /** Returns a copy of the seek key, or null. */
  @Override
  public byte[] seekKey() {
    return seekKey == null ? null : seekKey.clone();
  }

  /** Returns a copy of the end key, or null. */
  @Override
  public byte[] endKey() {
    return endKey == null ? null : endKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScanSpec s
        && Arrays.equals(prefix, s.prefix)
        && Arrays.equals(seekKey, s.seekKey)
        && inclusiveSeek == s.inclusiveSeek
        && Arrays.equals(endKey, s.endKey)
        && inclusiveEnd == s.inclusiveEnd
        && desc == s.desc
        && limit == s.limit
        && atTx == s.atTx;
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(prefix);
    h = 31 * h + Arrays.hashCode(seekKey);
    h = 31 * h + Arrays.hashCode(endKey);
    h = 31 * h + (inclusiveSeek ? 1 : 0) + (inclusiveEnd ? 2 : 0) + (desc ? 4 : 0);
    h = 31 * h + limit;
    return 31 * h + Long.hashCode(atTx);
  }

  @Override
  public String toString() {
    return "ScanSpec[prefix="
        + hex(prefix)
        + ", seekKey="
        + hex(seekKey)
        + (inclusiveSeek ? " (inclusive)" : "")
        + ", endKey="
        + hex(endKey)
        + (inclusiveEnd ? " (inclusive)" : "")
        + ", desc="
        + desc
        + ", limit="
        + limit
        + ", atTx="
        + atTx
        + "]";
  }

  private static String hex(byte[] b) {
    return b == null ? "null" : HexFormat.of().formatHex(b);
  }

  /** A builder of {@link ScanSpec}s. Not thread-safe; arrays are copied by {@link #build()}. */
  public static final class Builder {
    private byte[] prefix;
    private byte[] seekKey;
    private boolean inclusiveSeek;
    private byte[] endKey;
    private boolean inclusiveEnd;
    private boolean desc;
    private int limit = 1000;
    private long atTx;

    private Builder() {}

    /** Only keys starting with {@code prefix} (null or empty = all keys). */
    public Builder prefix(byte[] prefix) {
      this.prefix = prefix;
      return this;
    }

    /** Start after {@code seekKey}, or at it when {@code inclusive} (null or empty = no bound). */
    public Builder seekKey(byte[] seekKey, boolean inclusive) {
      this.seekKey = seekKey;
      this.inclusiveSeek = inclusive;
      return this;
    }

    /**
     * Stop before {@code endKey}, or after it when {@code inclusive} (null or empty = no bound).
     */
    public Builder endKey(byte[] endKey, boolean inclusive) {
      this.endKey = endKey;
      this.inclusiveEnd = inclusive;
      return this;
    }

    /** Largest key first. */
    public Builder desc(boolean desc) {
      this.desc = desc;
      return this;
    }

    /** At most {@code limit} keys; requires {@code limit >= 1}. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** The view as of tx {@code atTx} (0 = the snapshot's tx). */
    public Builder atTx(long atTx) {
      this.atTx = atTx;
      return this;
    }

    /** Returns the spec; throws {@link IllegalArgumentException} if a value is out of range. */
    public ScanSpec build() {
      return new ScanSpec(prefix, seekKey, inclusiveSeek, endKey, inclusiveEnd, desc, limit, atTx);
    }
  }
}
