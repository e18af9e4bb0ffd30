package io.immudb.server.grpc;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.LimitExceededException;
import io.immudb.embedded.TxNotFoundException;
import io.immudb.proto.ErrorInfo;
import io.immudb.proto.RetryInfo;

/**
 * The one place where exceptions become gRPC statuses (STYLE §5).
 *
 * <p>The code follows the failure's {@link ErrorCode} (NOT_FOUND, INVALID_ARGUMENT, …), and only
 * that: the server's own refusals ({@code AuthException}, {@code UserException}, {@code
 * DatabaseException}) take theirs from their {@code Kind}, so {@link #code(ErrorCode)} is the one
 * table from failure to gRPC code. These codes are more specific than immudb v1.1.0's, which
 * answers most refusals with UNKNOWN or INTERNAL (spec v1 §9.5; docs/server.md lists the
 * difference). The message is immudb's own text (spec v1 §9.5) for the failures existing clients
 * match on — e.g. {@code key not found}, {@code illegal arguments}, {@code not logged in} — and the
 * details (which key, which limit) go into an {@code immudb.schema.ErrorInfo} status detail whose
 * {@code code} is the {@link ErrorCode}'s name, with a {@code RetryInfo} for pushback. Anything
 * that is not an {@link ImmuException} is our bug: INTERNAL, without its class name. Stateless and
 * thread-safe.
 */
public final class StatusMapper {
  private StatusMapper() {}

  /** The status for {@code t}. */
  public static StatusRuntimeException toStatus(Throwable t) {
    if (t instanceof StatusRuntimeException s) {
      return s;
    }
    if (!(t instanceof ImmuException e)) {
      return Status.INTERNAL.withDescription("internal error").withCause(t).asRuntimeException();
    }
    String text = immudbText(e);
    com.google.rpc.Status.Builder rpc =
        com.google.rpc.Status.newBuilder()
            .setCode(code(e.code()).value())
            .setMessage(text)
            .addDetails(
                Any.pack(
                    ErrorInfo.newBuilder()
                        .setCode(e.code().name())
                        .setCause(e.getMessage() == null ? text : e.getMessage())
                        .build()));
    if (e.code() == ErrorCode.UNAVAILABLE) {
      rpc.addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(100).build()));
    }
    return StatusProto.toStatusRuntimeException(rpc.build());
  }

  /** The gRPC code of an error code. */
  public static Status.Code code(ErrorCode c) {
    return switch (c) {
      case NOT_FOUND -> Status.Code.NOT_FOUND;
      case INVALID_ARGUMENT -> Status.Code.INVALID_ARGUMENT;
      case ALREADY_EXISTS -> Status.Code.ALREADY_EXISTS;
      case PERMISSION_DENIED -> Status.Code.PERMISSION_DENIED;
      case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
      case OUT_OF_RANGE -> Status.Code.OUT_OF_RANGE;
      case FAILED_PRECONDITION -> Status.Code.FAILED_PRECONDITION;
      case CONFLICT -> Status.Code.ABORTED;
      case UNAVAILABLE -> Status.Code.UNAVAILABLE;
      case RESOURCE_EXHAUSTED -> Status.Code.RESOURCE_EXHAUSTED;
      case DEADLINE_EXCEEDED -> Status.Code.DEADLINE_EXCEEDED;
      case DATA_LOSS -> Status.Code.DATA_LOSS;
      case INTERNAL -> Status.Code.INTERNAL;
    };
  }

  /** immudb's message for {@code e}, which clients may compare with. */
  static String immudbText(ImmuException e) {
    if (e instanceof KeyNotFoundException) {
      return "key not found";
    }
    if (e instanceof TxNotFoundException) {
      return "tx not found";
    }
    if (e instanceof LimitExceededException l) {
      return l.limit().immudbText();
    }
    if (e instanceof InvalidRequestException r) {
      return r.kind().immudbText();
    }
    return e.getMessage();
  }
}
