package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/**
 * A request that can never succeed as written, other than a broken size limit: an empty
 * transaction, an empty key, a duplicate key in one transaction, contradictory options. The {@link
 * Kind} says which, so callers need not parse the message.
 */
public final class InvalidRequestException extends ImmuException {
  private static final long serialVersionUID = 1L;

  /** What was wrong. Each kind keeps immudb's error text (spec v1 §9.5) as its message prefix. */
  public enum Kind {
    NO_ENTRIES("no entries provided"),
    EMPTY_KEY("illegal arguments"),
    DUPLICATE_KEY("duplicated key"),
    ILLEGAL_ARGUMENTS("illegal arguments"),
    ILLEGAL_STATE("illegal state"),
    SCAN_LIMIT("max key scan limit exceeded"),
    EMPTY_SET("empty set"),
    DUPLICATED_KV_IN_BATCH("duplicated keys are not supported in single batch transaction"),
    DUPLICATED_ZADD_IN_BATCH(
        "duplicated index inside zAdd insertions are not supported in single batch transaction"),
    DUPLICATED_REF_IN_BATCH(
        "duplicated references insertions are not supported in single batch transaction"),
    NO_MORE_ENTRIES("no more entries"),
    REFERENCE_TO_REFERENCE("referenced key cannot be a reference"),
    KEY_IS_NOT_A_REFERENCE("final key cannot be converted into a reference"),
    RESOLUTION_LIMIT("max key resolution limit reached. It may be due to cyclic references");

    private final String immudbText;

    Kind(String immudbText) {
      this.immudbText = immudbText;
    }

    public String immudbText() {
      return immudbText;
    }
  }

  private final Kind kind;

  public InvalidRequestException(Kind kind, String detail) {
    super(
        ErrorCode.INVALID_ARGUMENT,
        detail == null || detail.isEmpty() ? kind.immudbText() : kind.immudbText() + ": " + detail);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
