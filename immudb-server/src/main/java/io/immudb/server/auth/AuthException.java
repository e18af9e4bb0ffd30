package io.immudb.server.auth;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.server.StatusKind;
import java.util.Objects;

/**
 * A call refused for lack of a valid login or of permission (spec v1 §9.3, §9.5). The message is
 * immudb's exact text.
 */
public final class AuthException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final Kind kind;

  /** Why the call was refused, with immudb's text and gRPC status. */
  public enum Kind {
    /** Missing, unknown or revoked token. */
    NOT_LOGGED_IN(StatusKind.INTERNAL, "not logged in"),
    /** The token's lifetime is over. */
    TOKEN_EXPIRED(StatusKind.PERMISSION_DENIED, "token has expired"),
    /** UseDatabase without a valid login. */
    PLEASE_LOGIN(StatusKind.UNAUTHENTICATED, "Please login"),
    /** UseDatabase on a database the user has no permission on. */
    NO_DATABASE_PERMISSION(
        StatusKind.PERMISSION_DENIED, "Logged in user does not have permission on this database"),
    /** The method is not allowed for the user's permission, or {@code systemdb} is selected. */
    PERMISSION_DENIED(StatusKind.INTERNAL, "permission denied"),
    /** A sysadmin-only method called by someone else. */
    NOT_SYSADMIN(StatusKind.UNKNOWN, "Logged In user does not have permissions for this operation"),
    /** A database-scoped method on a token without a database. */
    NO_DATABASE_SELECTED(StatusKind.UNKNOWN, "please select a database first");

    private final StatusKind status;
    private final String text;

    Kind(StatusKind status, String text) {
      this.status = status;
      this.text = text;
    }

    /** The gRPC status immudb answers with (spec v1 §9.5). */
    public StatusKind status() {
      return status;
    }

    /** immudb's message text. */
    public String text() {
      return text;
    }
  }

  public AuthException(Kind kind) {
    // ErrorCode has no authentication codes; the transport maps status(), not code().
    super(ErrorCode.FAILED_PRECONDITION, kind.text());
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }

  /** The gRPC status to answer with; same as {@code kind().status()}. */
  public StatusKind status() {
    return kind.status();
  }
}
