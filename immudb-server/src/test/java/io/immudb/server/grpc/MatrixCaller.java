package io.immudb.server.grpc;

import io.immudb.server.auth.Requirement;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of caller of the permission matrix (issue 16, part 3), and what the documented table
 * (docs/protocol.md §9.4) gives each of them on a method with a given {@link Requirement}. Written
 * from the table, not from {@code MethodPermissions}, so the two are checked against each other.
 */
enum MatrixCaller {
  NO_TOKEN,
  /** The sysadmin's token, past its lifetime. */
  EXPIRED,
  /** The sysadmin's token, after {@code Logout}. */
  LOGGED_OUT,
  /** An admin's token, after the sysadmin deactivated the user. */
  DEACTIVATED,
  /** A live token bound to a database its user holds no permission on (admin of another one). */
  OTHER_DATABASE,
  READ,
  READ_WRITE,
  ADMIN,
  SYSADMIN;

  /** What the table gives a call. */
  enum Outcome {
    ALLOWED,
    NOT_LOGGED_IN,
    TOKEN_EXPIRED,
    PERMISSION_DENIED,
    NOT_SYSADMIN
  }

  /** The outcome of this caller on a method with requirement {@code r}. */
  Outcome on(Requirement r) {
    if (r == Requirement.NONE) {
      return Outcome.ALLOWED;
    }
    Set<Requirement> allowed =
        switch (this) {
          case NO_TOKEN, LOGGED_OUT, DEACTIVATED, EXPIRED -> EnumSet.noneOf(Requirement.class);
          case OTHER_DATABASE -> EnumSet.of(Requirement.LOGGED_IN);
          case READ -> EnumSet.of(Requirement.LOGGED_IN, Requirement.READ);
          case READ_WRITE ->
              EnumSet.of(Requirement.LOGGED_IN, Requirement.READ, Requirement.READ_WRITE);
          case ADMIN ->
              EnumSet.of(
                  Requirement.LOGGED_IN,
                  Requirement.READ,
                  Requirement.READ_WRITE,
                  Requirement.ADMIN);
          case SYSADMIN -> EnumSet.allOf(Requirement.class);
        };
    if (allowed.contains(r)) {
      return Outcome.ALLOWED;
    }
    return switch (this) {
      case NO_TOKEN, LOGGED_OUT, DEACTIVATED -> Outcome.NOT_LOGGED_IN;
      case EXPIRED -> Outcome.TOKEN_EXPIRED;
      default -> r == Requirement.SYSADMIN ? Outcome.NOT_SYSADMIN : Outcome.PERMISSION_DENIED;
    };
  }
}
