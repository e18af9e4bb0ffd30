package io.immudb.server.db;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.server.StatusKind;
import java.util.Objects;

/**
 * A database-level request that immudb refuses: a bad name for {@code CreateDatabase}, an existing
 * name, or an unknown database (spec v1 §9.4, §9.5). The message is immudb's exact text.
 */
public final class DatabaseException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final Kind kind;
  private final String database;

  /** What went wrong, with the gRPC status and error code each maps to. */
  public enum Kind {
    /** {@code this database name is reserved}. */
    RESERVED_NAME(StatusKind.UNKNOWN, ErrorCode.INVALID_ARGUMENT),
    /** {@code provide a lowercase database name}. */
    NOT_LOWERCASE(StatusKind.UNKNOWN, ErrorCode.INVALID_ARGUMENT),
    /** {@code database name length outside of limits}. */
    BAD_LENGTH(StatusKind.UNKNOWN, ErrorCode.INVALID_ARGUMENT),
    /** {@code punctuation marks and symbols are not allowed in database name}. */
    PUNCTUATION(StatusKind.UNKNOWN, ErrorCode.INVALID_ARGUMENT),
    /** {@code unrecognized character in database name}. */
    UNRECOGNIZED_CHARACTER(StatusKind.UNKNOWN, ErrorCode.INVALID_ARGUMENT),
    /** {@code database '<name>' already exists}. */
    ALREADY_EXISTS(StatusKind.UNKNOWN, ErrorCode.ALREADY_EXISTS),
    /** {@code '<name>' does not exist}. */
    NOT_FOUND(StatusKind.NOT_FOUND, ErrorCode.NOT_FOUND);

    private final StatusKind status;
    private final ErrorCode code;

    Kind(StatusKind status, ErrorCode code) {
      this.status = status;
      this.code = code;
    }

    /** The gRPC status immudb answers with (spec v1 §9.5). */
    public StatusKind status() {
      return status;
    }

    /** The project-wide error code. */
    public ErrorCode code() {
      return code;
    }
  }

  public DatabaseException(Kind kind, String database, String message) {
    super(kind.code(), message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.database = database;
  }

  public Kind kind() {
    return kind;
  }

  /** The gRPC status to answer with; same as {@code kind().status()}. */
  public StatusKind status() {
    return kind.status();
  }

  /** The database name the request was about. */
  public String database() {
    return database;
  }
}
