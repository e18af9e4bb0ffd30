package io.immudb.legacy.internal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.LimitExceededException;
import io.immudb.legacy.LegacyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become the gRPC status of a v0.8 call, with v0.8's texts (spec
 * v0.8 §4.5): {@code Key not found}, {@code invalid key}, and the engine's limits as
 * INVALID_ARGUMENT. Thread-safe (stateless).
 */
final class LegacyStatus {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyStatus.class);

  private LegacyStatus() {}

  static StatusRuntimeException toStatus(Throwable t) {
    if (t instanceof StatusRuntimeException s) {
      return s;
    }
    if (t instanceof LegacyException l && l.isUnknown()) {
      return Status.UNKNOWN.withDescription(l.getMessage()).asRuntimeException();
    }
    if (t instanceof KeyNotFoundException) {
      return Status.NOT_FOUND.withDescription("Key not found").asRuntimeException();
    }
    if (t instanceof LimitExceededException l) {
      return Status.INVALID_ARGUMENT.withDescription(l.getMessage()).asRuntimeException();
    }
    if (t instanceof InvalidRequestException r) {
      return Status.INVALID_ARGUMENT.withDescription(r.getMessage()).asRuntimeException();
    }
    if (t instanceof ImmuException e) {
      return Status.fromCode(code(e.code())).withDescription(e.getMessage()).asRuntimeException();
    }
    LOG.error("v0.8 call failed", t);
    return Status.INTERNAL.withDescription("internal error").asRuntimeException();
  }

  private static Status.Code code(ErrorCode c) {
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
}
