package io.immudb.client.internal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.immudb.client.ImmuClientException;
import io.immudb.client.ImmuClientException.AlreadyExistsException;
import io.immudb.client.ImmuClientException.FailedPreconditionException;
import io.immudb.client.ImmuClientException.InvalidArgumentException;
import io.immudb.client.ImmuClientException.NotFoundException;
import io.immudb.client.ImmuClientException.PermissionDeniedException;
import io.immudb.client.ImmuClientException.UnauthenticatedException;
import io.immudb.client.ImmuClientException.UnavailableException;
import io.immudb.client.ImmuClientException.UnsupportedException;

/** Turns a failed call's gRPC status into the typed {@link ImmuClientException}. Stateless. */
public final class StatusDecoder {
  private StatusDecoder() {}

  /** The exception for {@code e}, by its status code; the message is the server's text. */
  public static ImmuClientException decode(StatusRuntimeException e) {
    Status s = e.getStatus();
    String text = s.getDescription() == null ? s.getCode().name() : s.getDescription();
    return switch (s.getCode()) {
      case NOT_FOUND -> new NotFoundException(text, e);
      case ALREADY_EXISTS -> new AlreadyExistsException(text, e);
      case INVALID_ARGUMENT, OUT_OF_RANGE -> new InvalidArgumentException(s.getCode(), text, e);
      case PERMISSION_DENIED -> new PermissionDeniedException(text, e);
      case UNAUTHENTICATED -> new UnauthenticatedException(text, e);
      case FAILED_PRECONDITION -> new FailedPreconditionException(text, e);
      case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, CANCELLED ->
          new UnavailableException(s.getCode(), text, e);
      case UNIMPLEMENTED -> new UnsupportedException(text, e);
      default -> new ImmuClientException(s.getCode(), text, e);
    };
  }
}
