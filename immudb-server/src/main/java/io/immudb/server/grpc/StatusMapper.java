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
import io.immudb.server.StatusKind;
import io.immudb.server.auth.AuthException;
import io.immudb.server.auth.UserException;
import io.immudb.server.db.DatabaseException;

/**
 * The one place where exceptions become gRPC statuses (STYLE §5).
 *
 * <p>The code follows the failure's {@link ErrorCode} (NOT_FOUND, INVALID_ARGUMENT, …). The message
 * is immudb's own text (spec v1 §9.5) for the failures existing clients match on — e.g. {@code key
 * not found}, {@code illegal arguments} — and the details (which key, which limit) go into an
 * {@code immudb.schema.ErrorInfo} status detail, with a {@code RetryInfo} for pushback. Anything
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
            .setCode(grpcCode(e).value())
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

  /** The gRPC code for {@code e}: the server's own kinds first, then the error code. */
  static Status.Code grpcCode(ImmuException e) {
    if (e instanceof AuthException a) {
      return switch (a.kind()) {
        case NOT_LOGGED_IN, TOKEN_EXPIRED, PLEASE_LOGIN -> Status.Code.UNAUTHENTICATED;
        case NO_DATABASE_PERMISSION, PERMISSION_DENIED, NOT_SYSADMIN ->
            Status.Code.PERMISSION_DENIED;
        case NO_DATABASE_SELECTED -> Status.Code.FAILED_PRECONDITION;
      };
    }
    StatusKind k = null;
    if (e instanceof UserException u) {
      k = u.status();
    } else if (e instanceof DatabaseException d) {
      k = d.status();
    }
    if (k != null && k != StatusKind.UNKNOWN && k != StatusKind.INTERNAL) {
      return Status.Code.valueOf(k.name());
    }
    return code(e.code());
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
      case UNAVAILABLE -> Status.Code.UNAVAILABLE;
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
