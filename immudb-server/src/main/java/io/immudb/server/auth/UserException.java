package io.immudb.server.auth;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.util.Objects;

/**
 * A user operation that immudb refuses (spec v1 §9.5, §9.7.3): a failed login, a broken name or
 * password rule, a missing permission, an unknown user. The message is immudb's exact text.
 */
public final class UserException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final Kind kind;

  /**
   * Why the operation was refused, with its error code. The code, not immudb v1.1.0's status of
   * spec v1 §9.5 (mostly UNKNOWN), decides the gRPC status (docs/server.md, "Differences").
   */
  public enum Kind {
    /** {@code invalid user name or password}. */
    INVALID_CREDENTIALS(ErrorCode.UNAUTHENTICATED),
    /** {@code user is not active}. */
    INACTIVE(ErrorCode.FAILED_PRECONDITION),
    /** {@code username can not be empty} (CreateUser, ChangePassword, SetActiveUser). */
    EMPTY_USERNAME(ErrorCode.INVALID_ARGUMENT),
    /** {@code database name can not be empty when there are multiple databases}. */
    EMPTY_DATABASE(ErrorCode.INVALID_ARGUMENT),
    /** {@code database <name> does not exist}. */
    DATABASE_NOT_FOUND(ErrorCode.NOT_FOUND),
    /** {@code unrecognized permission} (CreateUser). */
    UNRECOGNIZED_PERMISSION(ErrorCode.INVALID_ARGUMENT),
    /** {@code you do not have permission on this database} (CreateUser). */
    NO_PERMISSION_ON_DATABASE(ErrorCode.PERMISSION_DENIED),
    /** {@code can not create another system admin}. */
    SYSADMIN_NOT_ALLOWED(ErrorCode.INVALID_ARGUMENT),
    /** {@code user already exists}. */
    ALREADY_EXISTS(ErrorCode.ALREADY_EXISTS),
    /** {@code username can only contain letters, digits and underscores}. */
    INVALID_USERNAME(ErrorCode.INVALID_ARGUMENT),
    /** The password-strength text of spec v1 §9.4 ({@link UserRules#PASSWORD_RULE_TEXT}). */
    WEAK_PASSWORD(ErrorCode.INVALID_ARGUMENT),
    /** {@code old password is incorrect}. */
    OLD_PASSWORD_INCORRECT(ErrorCode.PERMISSION_DENIED),
    /** {@code user is not system admin nor admin in any of the databases}. */
    NOT_ADMIN(ErrorCode.PERMISSION_DENIED),
    /** {@code user <name> was not found or it was not created by you}. */
    NOT_FOUND_OR_NOT_CREATOR(ErrorCode.NOT_FOUND),
    /** {@code password is empty}. */
    EMPTY_PASSWORD(ErrorCode.INVALID_ARGUMENT),
    /**
     * ChangePermission argument errors: {@code username can not be empty}, {@code database can not
     * be empty}, {@code action not recognized}, {@code unrecognized permission}, {@code changing
     * your own permissions is not allowed}, {@code changing sysadmin permisions is not allowed}.
     */
    INVALID_PERMISSION_CHANGE(ErrorCode.INVALID_ARGUMENT),
    /** {@code permission denied} (ChangePermission granting RW on systemdb). */
    PERMISSION_DENIED(ErrorCode.PERMISSION_DENIED),
    /** {@code you do not have permission on this database} (ChangePermission). */
    NOT_ADMIN_ON_DATABASE(ErrorCode.PERMISSION_DENIED),
    /** {@code user <name> not found} (ChangePermission). */
    USER_NOT_FOUND(ErrorCode.NOT_FOUND),
    /** {@code user <name> is not active} (ChangePermission). */
    USER_INACTIVE(ErrorCode.FAILED_PRECONDITION),
    /** {@code user <name> not found} (SetActiveUser). */
    NO_SUCH_USER(ErrorCode.NOT_FOUND),
    /** {@code changing your own status is not allowed}. */
    OWN_STATUS(ErrorCode.INVALID_ARGUMENT),
    /** {@code <name> was not created by you} (SetActiveUser). */
    NOT_CREATOR(ErrorCode.PERMISSION_DENIED);

    private final ErrorCode code;

    Kind(ErrorCode code) {
      this.code = code;
    }

    /** The error code, and with it the gRPC status, of this refusal. */
    public ErrorCode code() {
      return code;
    }
  }

  public UserException(Kind kind, String message) {
    super(Objects.requireNonNull(kind, "kind").code(), message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
