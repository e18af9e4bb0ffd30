package io.immudb.server.auth;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.util.Objects;

/**
 * A call refused for lack of a valid login or of permission (spec v1 §9.3, §9.5). The message is
 * immudb's exact text; the gRPC status follows {@link #code()}, which is the kind's.
 */
public final class AuthException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final Kind kind;

  /**
   * Why the call was refused, with its error code and immudb's text. The code, not immudb v1.1.0's
   * status of spec v1 §9.5, decides the gRPC status (docs/server.md, "Differences").
   */
  public enum Kind {
    /** Missing, unknown or revoked token. */
    NOT_LOGGED_IN(ErrorCode.UNAUTHENTICATED, "not logged in"),
    /** The token's lifetime is over. */
    TOKEN_EXPIRED(ErrorCode.UNAUTHENTICATED, "token has expired"),
    /** UseDatabase without a valid login. */
    PLEASE_LOGIN(ErrorCode.UNAUTHENTICATED, "Please login"),
    /** UseDatabase on a database the user has no permission on. */
    NO_DATABASE_PERMISSION(
        ErrorCode.PERMISSION_DENIED, "Logged in user does not have permission on this database"),
    /** The method is not allowed for the user's permission, or {@code systemdb} is selected. */
    PERMISSION_DENIED(ErrorCode.PERMISSION_DENIED, "permission denied"),
    /** A sysadmin-only method called by someone else. */
    NOT_SYSADMIN(
        ErrorCode.PERMISSION_DENIED, "Logged In user does not have permissions for this operation"),
    /** A database-scoped method on a token without a database. */
    NO_DATABASE_SELECTED(ErrorCode.FAILED_PRECONDITION, "please select a database first");

    private final ErrorCode code;
    private final String text;

    Kind(ErrorCode code, String text) {
      this.code = code;
      this.text = text;
    }

    /** The error code, and with it the gRPC status, of this refusal. */
    public ErrorCode code() {
      return code;
    }

    /** immudb's message text. */
    public String text() {
      return text;
    }
  }

  public AuthException(Kind kind) {
    super(Objects.requireNonNull(kind, "kind").code(), kind.text());
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
