package io.immudb.embedded.database;

/**
 * A scan of one sorted set (spec v1 §9.7 {@code ZScan}). Build with {@link #builder()}. Thread-safe
 * (immutable); arrays are copied in.
 *
 * <p>Members come in the byte order of their stored keys (spec v1 §3.3: raw score bits, then member
 * key, then atTx), reversed when {@code desc}. A seek position is given by {@code seekKey} with
 * {@code seekScore} and {@code seekAtTx}; {@code minScore}/{@code maxScore} filter results. Unlike
 * immudb v1.1.0, a descending scan without a seek key or {@code maxScore} starts at the last member
 * (v1.1.0 returns nothing there; see docs).
 */
public record ZScanRequest(
    byte[] set,
    byte[] seekKey,
    double seekScore,
    long seekAtTx,
    boolean inclusiveSeek,
    long limit,
    boolean desc,
    Double minScore,
    Double maxScore,
    long sinceTx,
    boolean noWait) {
  public ZScanRequest {
    set = set == null ? new byte[0] : set.clone();
    seekKey = seekKey == null ? new byte[0] : seekKey.clone();
  }

  public static Builder builder(byte[] set) {
    return new Builder(set);
  }

  /** Builder of {@link ZScanRequest}. Not thread-safe. */
  public static final class Builder {
    private final byte[] set;
    private byte[] seekKey;
    private double seekScore;
    private long seekAtTx;
    private boolean inclusiveSeek;
    private long limit;
    private boolean desc;
    private Double minScore;
    private Double maxScore;
    private long sinceTx;
    private boolean noWait;

    private Builder(byte[] set) {
      this.set = set;
    }

    /** Seek position: member key, score and atTx of the stored member key. */
    public Builder seek(byte[] key, double score, long atTx, boolean inclusive) {
      this.seekKey = key;
      this.seekScore = score;
      this.seekAtTx = atTx;
      this.inclusiveSeek = inclusive;
      return this;
    }

    public Builder limit(long v) {
      limit = v;
      return this;
    }

    public Builder desc(boolean v) {
      desc = v;
      return this;
    }

    public Builder minScore(Double v) {
      minScore = v;
      return this;
    }

    public Builder maxScore(Double v) {
      maxScore = v;
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

    public ZScanRequest build() {
      return new ZScanRequest(
          set,
          seekKey,
          seekScore,
          seekAtTx,
          inclusiveSeek,
          limit,
          desc,
          minScore,
          maxScore,
          sinceTx,
          noWait);
    }
  }
}
