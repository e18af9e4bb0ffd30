package io.immudb.bench.compare;

/**
 * Something the comparison needs is not on this machine (PostgreSQL, its {@code postgres} user,
 * {@code bin/immudb}); the message says what, and how to get it.
 *
 * <p>Thread-safe (immutable).
 */
public final class MissingPrerequisiteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingPrerequisiteException(String message) {
    super(message);
  }
}
