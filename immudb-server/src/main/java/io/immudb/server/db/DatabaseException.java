package io.immudb.server.db;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.util.Objects;

/**
 * A database-level request that immudb refuses: a bad name for {@code CreateDatabase}, an existing
 * name, or an unknown database (spec v1 §9.4, §9.5). The message is immudb's exact text.
 */
public final class DatabaseException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final Kind kind;
  private final String database;

  /**
   * What went wrong, with its error code. The code, not immudb v1.1.0's status of spec v1 §9.5
   * (mostly UNKNOWN), decides the gRPC status (docs/server.md, "Differences").
   */
  public enum Kind {
    /** {@code this database name is reserved}. */
    RESERVED_NAME(ErrorCode.INVALID_ARGUMENT),
    /** {@code provide a lowercase database name}. */
    NOT_LOWERCASE(ErrorCode.INVALID_ARGUMENT),
    /** {@code database name length outside of limits}. */
    BAD_LENGTH(ErrorCode.INVALID_ARGUMENT),
    /** {@code punctuation marks and symbols are not allowed in database name}. */
    PUNCTUATION(ErrorCode.INVALID_ARGUMENT),
    /** {@code unrecognized character in database name}. */
    UNRECOGNIZED_CHARACTER(ErrorCode.INVALID_ARGUMENT),
    /** {@code database '<name>' already exists}. */
    ALREADY_EXISTS(ErrorCode.ALREADY_EXISTS),
    /** {@code '<name>' does not exist}. */
    NOT_FOUND(ErrorCode.NOT_FOUND);

    private final ErrorCode code;

    Kind(ErrorCode code) {
      this.code = code;
    }

    /** The error code, and with it the gRPC status, of this refusal. */
    public ErrorCode code() {
      return code;
    }
  }

  public DatabaseException(Kind kind, String database, String message) {
    super(Objects.requireNonNull(kind, "kind").code(), message);
    this.kind = kind;
    this.database = database;
  }

  public Kind kind() {
    return kind;
  }

  /** The database name the request was about. */
  public String database() {
    return database;
  }
}
