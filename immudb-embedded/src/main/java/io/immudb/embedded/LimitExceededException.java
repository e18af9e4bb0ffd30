package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/**
 * A transaction broke one of the store's fixed limits. Names the limit, its value, the offending
 * size and the entry (by position in the request; -1 when the limit is about the whole tx).
 */
public final class LimitExceededException extends ImmuException {
  private static final long serialVersionUID = 1L;

  /** The limits of a store, fixed when it is created. */
  public enum Limit {
    /** {@code maxTxEntries}: entries per transaction. */
    MAX_TX_ENTRIES("max number of entries per tx exceeded"),
    /** {@code maxKeyLen}: bytes per stored key. */
    MAX_KEY_LEN("max key length exceeded"),
    /** {@code maxValueLen}: bytes per stored value. */
    MAX_VALUE_LEN("max value length exceeded");

    private final String immudbText;

    Limit(String immudbText) {
      this.immudbText = immudbText;
    }

    /** immudb's error text for this limit (spec v1 §9.5), which existing clients match on. */
    public String immudbText() {
      return immudbText;
    }
  }

  private final Limit limit;
  private final long max;
  private final long actual;
  private final int entryIndex;

  public LimitExceededException(Limit limit, long max, long actual, int entryIndex) {
    super(
        ErrorCode.INVALID_ARGUMENT,
        limit.immudbText()
            + ": "
            + (entryIndex >= 0 ? "entry " + entryIndex + " has " : "the transaction has ")
            + actual
            + (limit == Limit.MAX_TX_ENTRIES ? " entries" : " bytes")
            + ", limit "
            + optionName(limit)
            + "="
            + max);
    this.limit = limit;
    this.max = max;
    this.actual = actual;
    this.entryIndex = entryIndex;
  }

  private static String optionName(Limit l) {
    return switch (l) {
      case MAX_TX_ENTRIES -> "maxTxEntries";
      case MAX_KEY_LEN -> "maxKeyLen";
      case MAX_VALUE_LEN -> "maxValueLen";
    };
  }

  public Limit limit() {
    return limit;
  }

  public long max() {
    return max;
  }

  public long actual() {
    return actual;
  }

  /** Position of the offending entry in the request, or -1 for the whole transaction. */
  public int entryIndex() {
    return entryIndex;
  }
}
