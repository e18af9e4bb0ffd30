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

  /**
   * grpc-java's text when the peer closes the connection before answering, as a TLS server does
   * when a plaintext client connects.
   */
  private static final String NETWORK_CLOSED = "Network closed for unknown reason";

  private static final int MAX_CAUSE_LENGTH = 160;

  /**
   * The exception for {@code e}, by its status code. The message is the server's text; for a
   * failure on this side of the connection (e.g. a TLS handshake), gRPC's text followed by the
   * innermost cause, such as {@code unable to find valid certification path to requested target}.
   */
  public static ImmuClientException decode(StatusRuntimeException e) {
    Status s = e.getStatus();
    String text = text(s);
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

  private static String text(Status s) {
    String text = s.getDescription() == null ? s.getCode().name() : s.getDescription();
    if (s.getCause() != null) {
      Throwable root = s.getCause();
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      if (why.length() > MAX_CAUSE_LENGTH) {
        why = why.substring(0, MAX_CAUSE_LENGTH) + "...";
      }
      // gRPC appends its channel pipeline to some descriptions; the first line is the summary.
      text = text.lines().findFirst().orElse(text) + ": " + why;
    } else if (s.getCode() == Status.Code.UNAVAILABLE && text.equals(NETWORK_CLOSED)) {
      text += " (the server closed the connection; a TLS server does so to plaintext clients)";
    }
    return text;
  }
}
