package io.immudb.core;

/**
 * The kinds of domain failure. Each maps to exactly one gRPC status code on the server; the mapping
 * lives in one place there.
 */
public enum ErrorCode {
  /** A key, tx or database that does not exist. */
  NOT_FOUND,
  /** A request that can never succeed as written: bad key, value, option or limit. */
  INVALID_ARGUMENT,
  /** Something to be created (a user, a database) exists already. */
  ALREADY_EXISTS,
  /** The caller is known but may not do this. */
  PERMISSION_DENIED,
  /** The caller is not logged in, or its credentials are wrong. */
  UNAUTHENTICATED,
  /** A tx id beyond the current state. */
  OUT_OF_RANGE,
  /** The store is not in a state that allows the operation (closed, read-only, corrupted). */
  FAILED_PRECONDITION,
  /**
   * A transaction conflicted with one committed after its snapshot (MVCC read conflict): nothing
   * was written; retry the whole transaction.
   */
  CONFLICT,
  /** Pushback: the commit queue is full; retry later. */
  UNAVAILABLE,
  /** A wait (for the index, for a commit) ran out of time. */
  DEADLINE_EXCEEDED,
  /** Stored data failed a checksum or hash check. */
  DATA_LOSS,
  /**
   * A resource ran out: the disk holding the data is full (the write was refused and nothing of it
   * kept; it may succeed once space is freed), or a limit on what one client may take of the server
   * was reached (logins; the text names the flag).
   */
  RESOURCE_EXHAUSTED,
  /** A bug or an unexpected I/O failure. */
  INTERNAL
}
