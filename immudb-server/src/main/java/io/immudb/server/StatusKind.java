package io.immudb.server;

/**
 * The gRPC status code a server-side domain error is answered with (spec v1 §9.5). Declared here
 * because this module has no gRPC dependency; the transport maps each constant to the {@code
 * io.grpc.Status.Code} of the same name in one place. Immutable and thread-safe.
 */
public enum StatusKind {
  /** Code 2: immudb's "plain" errors. */
  UNKNOWN,
  /** Code 3. */
  INVALID_ARGUMENT,
  /** Code 5. */
  NOT_FOUND,
  /** Code 7. */
  PERMISSION_DENIED,
  /** Code 9. */
  FAILED_PRECONDITION,
  /** Code 13: immudb answers "not logged in" and "permission denied" with it. */
  INTERNAL,
  /** Code 16. */
  UNAUTHENTICATED
}
