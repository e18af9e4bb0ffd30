package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/**
 * The commit queue is full (in transactions or bytes). Nothing was written. The caller should retry
 * after a short back-off; a server answers UNAVAILABLE with a retry delay.
 */
public final class PushbackException extends ImmuException {
  private static final long serialVersionUID = 1L;

  public PushbackException(String what) {
    super(ErrorCode.UNAVAILABLE, "commit queue full: " + what + "; retry later");
  }
}
