package io.immudb.client;

import io.grpc.Status;

/**
 * A call failed on the server or on the way there. The subclasses say why, decoded from the gRPC
 * status code (never from the message text, which is immudb's and may change): {@link
 * NotFoundException}, {@link AlreadyExistsException}, {@link InvalidArgumentException}, {@link
 * PermissionDeniedException}, {@link UnauthenticatedException}, {@link
 * FailedPreconditionException}, {@link UnavailableException}, {@link UnsupportedException}. Any
 * other code (UNKNOWN, INTERNAL, DATA_LOSS, …) is this class itself.
 *
 * <p>A failed <em>verification</em> is not one of these: verified calls throw the checked {@link
 * io.immudb.core.proof.VerificationException}.
 */
public class ImmuClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Status.Code code;

  public ImmuClientException(Status.Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The gRPC status code the server (or the channel) answered with. */
  public Status.Code code() {
    return code;
  }

  /** A key, tx, database or user that does not exist (NOT_FOUND). */
  public static final class NotFoundException extends ImmuClientException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message, Throwable cause) {
      super(Status.Code.NOT_FOUND, message, cause);
    }
  }

  /** A user or database that exists already (ALREADY_EXISTS). */
  public static final class AlreadyExistsException extends ImmuClientException {
    private static final long serialVersionUID = 1L;

    public AlreadyExistsException(String message, Throwable cause) {
      super(Status.Code.ALREADY_EXISTS, message, cause);
    }
  }

  /** A request that can never succeed as sent (INVALID_ARGUMENT, OUT_OF_RANGE). */
  public static final class InvalidArgumentException extends ImmuClientException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(Status.Code code, String message, Throwable cause) {
      super(code, message, cause);
    }
  }

  /** The logged-in user may not do this (PERMISSION_DENIED). */
  public static final class PermissionDeniedException extends ImmuClientException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message, Throwable cause) {
      super(Status.Code.PERMISSION_DENIED, message, cause);
    }
  }

  /** Not logged in, a wrong password, or an expired or revoked token (UNAUTHENTICATED). */
  public static final class UnauthenticatedException extends ImmuClientException {
    private static final long serialVersionUID = 1L;

    public UnauthenticatedException(String message, Throwable cause) {
      super(Status.Code.UNAUTHENTICATED, message, cause);
    }
  }

  /** The server or database is not in a state that allows this (FAILED_PRECONDITION). */
  public static final class FailedPreconditionException extends ImmuClientException {
    private static final long serialVersionUID = 1L;

    public FailedPreconditionException(String message, Throwable cause) {
      super(Status.Code.FAILED_PRECONDITION, message, cause);
    }
  }

  /**
   * The server could not be reached or did not answer in time (UNAVAILABLE, DEADLINE_EXCEEDED,
   * RESOURCE_EXHAUSTED, CANCELLED); the call may be retried.
   */
  public static final class UnavailableException extends ImmuClientException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(Status.Code code, String message, Throwable cause) {
      super(code, message, cause);
    }
  }

  /** The server does not implement this call (UNIMPLEMENTED), e.g. SQL. */
  public static final class UnsupportedException extends ImmuClientException {
    private static final long serialVersionUID = 1L;

    public UnsupportedException(String message, Throwable cause) {
      super(Status.Code.UNIMPLEMENTED, message, cause);
    }
  }
}
