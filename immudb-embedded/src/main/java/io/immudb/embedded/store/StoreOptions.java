package io.immudb.embedded.store;

import io.immudb.core.kv.StoredKeyValue;
import io.immudb.embedded.internal.appendable.Appendable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Options of an {@link ImmuStore}. Immutable; build with {@link #builder()}.
 *
 * <p>The three limits ({@code maxTxEntries}, {@code maxKeyLen}, {@code maxValueLen}) are fixed when
 * a store is created and saved with it: when an existing store is opened, its saved limits apply
 * and the ones given here are ignored.
 */
public final class StoreOptions {
  /** {@link #txCacheBytes()} of a store that uses the tx cache the whole process shares. */
  public static final long SHARED_TX_CACHE = -1;

  /**
   * Most bytes of inline values in one tx record, so that a record stays well within the writer's 4
   * MiB buffer next to its entries.
   */
  public static final int MAX_INLINE_BYTES_PER_TX = 1 << 20;

  /** Largest {@link #inlineValueMaxLen()} allowed. */
  public static final int MAX_INLINE_VALUE_LEN = 64 << 10;

  private final int maxTxEntries;
  private final int maxKeyLen;
  private final int maxValueLen;
  private final boolean synced;
  private final long segmentSize;
  private final int maxPendingTxs;
  private final long maxPendingBytes;
  private final Duration indexWaitTimeout;
  private final LongSupplier clockSeconds;
  private final List<StoredKeyValue> firstTx;
  private final long txCacheBytes;
  private final long indexDeferEntries;
  private final int inlineValueMaxLen;
  private final java.util.function.BiFunction<String, Appendable, Appendable> logWrapper;

  private StoreOptions(Builder b) {
    this.logWrapper = b.logWrapper;
    this.indexDeferEntries = b.indexDeferEntries;
    this.inlineValueMaxLen = b.inlineValueMaxLen;
    this.txCacheBytes = b.txCacheBytes;
    this.maxTxEntries = b.maxTxEntries;
    this.maxKeyLen = b.maxKeyLen;
    this.maxValueLen = b.maxValueLen;
    this.synced = b.synced;
    this.segmentSize = b.segmentSize;
    this.maxPendingTxs = b.maxPendingTxs;
    this.maxPendingBytes = b.maxPendingBytes;
    this.indexWaitTimeout = b.indexWaitTimeout;
    this.clockSeconds = b.clockSeconds;
    this.firstTx = b.firstTx;
  }

  /** Defaults: 1024 entries, 1024-byte keys, 32 MiB values, values up to 4 KiB inline, synced. */
  public static StoreOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxTxEntries = maxTxEntries;
    b.maxKeyLen = maxKeyLen;
    b.maxValueLen = maxValueLen;
    b.synced = synced;
    b.segmentSize = segmentSize;
    b.maxPendingTxs = maxPendingTxs;
    b.maxPendingBytes = maxPendingBytes;
    b.indexWaitTimeout = indexWaitTimeout;
    b.clockSeconds = clockSeconds;
    b.firstTx = firstTx;
    b.txCacheBytes = txCacheBytes;
    b.indexDeferEntries = indexDeferEntries;
    b.inlineValueMaxLen = inlineValueMaxLen;
    b.logWrapper = logWrapper;
    return b;
  }

  /** Most entries in one transaction. */
  public int maxTxEntries() {
    return maxTxEntries;
  }

  /** Longest stored key, in bytes (stored keys include the data model's prefix byte). */
  public int maxKeyLen() {
    return maxKeyLen;
  }

  /** Longest stored value, in bytes. */
  public int maxValueLen() {
    return maxValueLen;
  }

  /** Whether a commit returns only once it is durable (fdatasync), or once written to the OS. */
  public boolean synced() {
    return synced;
  }

  /** Size of each segment file of the logs. */
  public long segmentSize() {
    return segmentSize;
  }

  /** Most transactions waiting for the writer before commits are pushed back. */
  public int maxPendingTxs() {
    return maxPendingTxs;
  }

  /** Most value and key bytes waiting for the writer before commits are pushed back. */
  public long maxPendingBytes() {
    return maxPendingBytes;
  }

  /** How long a read that must wait for the index (sinceTx) waits before it fails. */
  public Duration indexWaitTimeout() {
    return indexWaitTimeout;
  }

  /** The clock for commit timestamps, in Unix seconds (spec v1 §14: seconds). */
  public LongSupplier clockSeconds() {
    return clockSeconds;
  }

  /** Entries written as transaction 1 when the store is created (empty: none). */
  public List<StoredKeyValue> firstTx() {
    return firstTx;
  }

  /**
   * Heap bytes (estimated) of this store's own cache of recently read transactions and their entry
   * trees, which make repeated proofs into large transactions cheap; {@link #SHARED_TX_CACHE} (the
   * default) when the store uses the cache every store of the process shares (sized by the system
   * property {@code immudb.txCacheBytes}, by default a quarter of the heap, 64 MiB to 1 GiB).
   */
  public long txCacheBytes() {
    return txCacheBytes;
  }

  /**
   * How many entries the index may fall behind while commits are flowing and no reader waits for
   * it, before it competes with the commit path for CPU (0: never defer).
   */
  public long indexDeferEntries() {
    return indexDeferEntries;
  }

  /**
   * Longest value stored inline in its tx record (format 2, docs/design/storage.md) instead of the
   * value log; 0: none. A commit whose values are all inline writes and syncs the tx log only. The
   * inline values of one tx total at most {@link #MAX_INLINE_BYTES_PER_TX}; the ones beyond go to
   * the value log. Not saved with the store: every entry records where its value is, so this may
   * change between opens.
   */
  public int inlineValueMaxLen() {
    return inlineValueMaxLen;
  }

  /**
   * Wraps each log the store opens ({@code "val"}, {@code "tx"}, {@code "commit"}, {@code "aht"});
   * the identity by default. A seam for fault-injection tests.
   */
  public java.util.function.BiFunction<String, Appendable, Appendable> logWrapper() {
    return logWrapper;
  }

  /** Builder of {@link StoreOptions}. Not thread-safe. */
  public static final class Builder {
    private int maxTxEntries = 1024;
    private int maxKeyLen = 1024;
    private int maxValueLen = 32 << 20;
    private boolean synced = true;
    private long segmentSize = 512L << 20;
    private int maxPendingTxs = 16_384;
    private long maxPendingBytes = 512L << 20;
    private Duration indexWaitTimeout = Duration.ofSeconds(60);
    private LongSupplier clockSeconds = () -> Instant.now().getEpochSecond();
    private List<StoredKeyValue> firstTx = List.of();
    private long txCacheBytes = SHARED_TX_CACHE;
    private long indexDeferEntries = 4_000_000;
    private int inlineValueMaxLen = 4096;
    private java.util.function.BiFunction<String, Appendable, Appendable> logWrapper =
        (name, log) -> log;

    private Builder() {}

    public Builder maxTxEntries(int v) {
      this.maxTxEntries = positive("maxTxEntries", v);
      return this;
    }

    public Builder maxKeyLen(int v) {
      this.maxKeyLen = positive("maxKeyLen", v);
      return this;
    }

    /** Requires 0 ≤ v ≤ 1 GiB. */
    public Builder maxValueLen(int v) {
      if (v < 0 || v > (1 << 30)) {
        throw new IllegalArgumentException("maxValueLen must be in [0, 1 GiB], got " + v);
      }
      this.maxValueLen = v;
      return this;
    }

    public Builder synced(boolean v) {
      this.synced = v;
      return this;
    }

    /** Requires 4 KiB ≤ v. */
    public Builder segmentSize(long v) {
      if (v < 4096) {
        throw new IllegalArgumentException("segmentSize must be >= 4096, got " + v);
      }
      this.segmentSize = v;
      return this;
    }

    public Builder maxPendingTxs(int v) {
      this.maxPendingTxs = positive("maxPendingTxs", v);
      return this;
    }

    public Builder maxPendingBytes(long v) {
      if (v < 1) {
        throw new IllegalArgumentException("maxPendingBytes must be >= 1, got " + v);
      }
      this.maxPendingBytes = v;
      return this;
    }

    public Builder indexWaitTimeout(Duration v) {
      this.indexWaitTimeout = Objects.requireNonNull(v, "indexWaitTimeout");
      return this;
    }

    public Builder clockSeconds(LongSupplier v) {
      this.clockSeconds = Objects.requireNonNull(v, "clockSeconds");
      return this;
    }

    /** Entries of the first transaction, written when the store is created (spec v1 §10). */
    public Builder firstTx(List<StoredKeyValue> v) {
      this.firstTx = List.copyOf(v);
      return this;
    }

    /**
     * Gives the store a tx cache of its own of {@code v} bytes instead of the shared one; 0
     * disables caching. Requires v ≥ 0, or {@link #SHARED_TX_CACHE}.
     */
    public Builder txCacheBytes(long v) {
      if (v < 0 && v != SHARED_TX_CACHE) {
        throw new IllegalArgumentException("txCacheBytes must be >= 0, got " + v);
      }
      this.txCacheBytes = v;
      return this;
    }

    /** Requires v ≥ 0. */
    public Builder indexDeferEntries(long v) {
      if (v < 0) {
        throw new IllegalArgumentException("indexDeferEntries must be >= 0, got " + v);
      }
      this.indexDeferEntries = v;
      return this;
    }

    /**
     * Requires 0 ≤ v ≤ {@link #MAX_INLINE_VALUE_LEN}; 0 stores every value (empty ones too) in the
     * value log, as format 1 did. Default 4096.
     */
    public Builder inlineValueMaxLen(int v) {
      if (v < 0 || v > MAX_INLINE_VALUE_LEN) {
        throw new IllegalArgumentException(
            "inlineValueMaxLen must be in [0, " + MAX_INLINE_VALUE_LEN + "], got " + v);
      }
      this.inlineValueMaxLen = v;
      return this;
    }

    /** Wraps the store's logs, e.g. to inject I/O failures in tests. */
    public Builder logWrapper(java.util.function.BiFunction<String, Appendable, Appendable> v) {
      this.logWrapper = Objects.requireNonNull(v, "logWrapper");
      return this;
    }

    public StoreOptions build() {
      return new StoreOptions(this);
    }

    private static int positive(String name, int v) {
      if (v < 1) {
        throw new IllegalArgumentException(name + " must be >= 1, got " + v);
      }
      return v;
    }
  }
}
