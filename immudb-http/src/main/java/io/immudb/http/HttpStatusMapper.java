package io.immudb.http;

import io.grpc.Status;

/**
 * The one place where a gRPC status code becomes an HTTP status: grpc-gateway's mapping (the one
 * immudb's REST API answers with), from {@code google.rpc.Code}'s documented HTTP equivalents.
 * Stateless.
 */
final class HttpStatusMapper {
  private HttpStatusMapper() {}

  /** The HTTP status for {@code code}. */
  static int httpStatus(Status.Code code) {
    return switch (code) {
      case OK -> 200;
      case CANCELLED -> 499;
      case UNKNOWN, INTERNAL, DATA_LOSS -> 500;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case DEADLINE_EXCEEDED -> 504;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case PERMISSION_DENIED -> 403;
      case UNAUTHENTICATED -> 401;
      case RESOURCE_EXHAUSTED -> 429;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
    };
  }
}
