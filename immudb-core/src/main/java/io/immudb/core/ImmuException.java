package io.immudb.core;

import java.util.Objects;

/**
 * The root of every domain error of this project. Unchecked; carries an {@link ErrorCode} that the
 * server maps to a gRPC status and the client maps back, so nobody has to parse messages.
 *
 * <p>Subclasses carry the structured facts of the failure (the key, the tx id, the limit) as
 * fields. Proof failures are not {@code ImmuException}s: they are the checked {@link
 * io.immudb.core.proof.VerificationException}.
 */
public class ImmuException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public ImmuException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ImmuException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** What kind of failure this is. */
  public ErrorCode code() {
    return code;
  }
}
