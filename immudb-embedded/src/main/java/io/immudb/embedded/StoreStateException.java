package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/**
 * The store cannot serve the call in its current state: it is closed, or read-only after an I/O
 * error or detected corruption (the cause says which).
 */
public final class StoreStateException extends ImmuException {
  private static final long serialVersionUID = 1L;

  public StoreStateException(String message) {
    super(ErrorCode.FAILED_PRECONDITION, message);
  }

  public StoreStateException(String message, Throwable cause) {
    super(ErrorCode.FAILED_PRECONDITION, message, cause);
  }
}
