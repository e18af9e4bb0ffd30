package io.immudb.sql;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/**
 * A failed SQL statement: a syntax error (with its line and column), an unknown table or column, a
 * type mismatch, a broken constraint (NOT NULL, primary key, length) or a statement this engine
 * does not run. Nothing of the failing statement (or of its BEGIN … COMMIT block) is written.
 *
 * <p>The message is the text clients see; for the failures of spec v1 §9.5 it is immudb's own
 * ({@code table does not exist}, {@code SQL statement not supported. Please use …}).
 */
public final class SqlException extends ImmuException {
  private static final long serialVersionUID = 1L;

  /** immudb's text for an unknown table (spec v1 §11, DescribeTable). */
  public static final String TABLE_DOES_NOT_EXIST = "table does not exist";

  public SqlException(ErrorCode code, String message) {
    super(code, message);
  }

  /** An INVALID_ARGUMENT failure with {@code message}. */
  public static SqlException invalid(String message) {
    return new SqlException(ErrorCode.INVALID_ARGUMENT, message);
  }

  /** The unknown-table failure, with immudb's text. */
  public static SqlException noTable(String table) {
    return new SqlException(ErrorCode.NOT_FOUND, TABLE_DOES_NOT_EXIST);
  }
}
