package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.nio.charset.StandardCharsets;

/** A key has no value in the view asked for. Carries the key and the tx bound (0 = latest). */
public final class KeyNotFoundException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final byte[] key;
  private final long atTx;

  /**
   * @param key the user key (copied)
   * @param atTx the tx the lookup was bound to, or 0 for the latest value
   */
  public KeyNotFoundException(byte[] key, long atTx) {
    super(
        ErrorCode.NOT_FOUND,
        "key not found: "
            + new String(key, StandardCharsets.UTF_8)
            + (atTx > 0 ? " in tx " + atTx : ""));
    this.key = key.clone();
    this.atTx = atTx;
  }

  public byte[] key() {
    return key.clone();
  }

  public long atTx() {
    return atTx;
  }
}
