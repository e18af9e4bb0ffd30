package io.immudb.server.tls;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/** A TLS file or flag combination that cannot work, e.g. a {@code --pkey} with no private key. */
public final class TlsFileException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final String flag;

  /**
   * @param flag the flag name without dashes, e.g. {@code pkey}
   * @param message what is wrong, for a human; starts with {@code --flag}
   */
  public TlsFileException(String flag, String message) {
    super(ErrorCode.INVALID_ARGUMENT, message);
    this.flag = flag;
  }

  /**
   * @param flag the flag name without dashes, e.g. {@code pkey}
   * @param message what is wrong, for a human; starts with {@code --flag}
   * @param cause the underlying I/O or parsing error
   */
  public TlsFileException(String flag, String message, Throwable cause) {
    super(ErrorCode.INVALID_ARGUMENT, message, cause);
    this.flag = flag;
  }

  /** The flag name without dashes, e.g. {@code pkey}. */
  public String flag() {
    return flag;
  }
}
