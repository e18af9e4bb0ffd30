package io.immudb.core.kv;

import java.nio.charset.StandardCharsets;

/**
 * The SQL catalog entry that every new database commits as transaction 1 (spec v1 §10).
 *
 * <p>Thread-safe (constants; accessors return copies).
 *
 * <pre>
 * key    0x02 ‖ "CTL.DATABASE." ‖ u32(1)     0243544c2e44415441424153452e00000001
 * value  "dbinstance" (no prefix byte)      6462696e7374616e6365
 * </pre>
 */
public final class SqlCatalog {
  private static final byte[] KEY = {
    StoredKeys.SQL_PREFIX,
    'C',
    'T',
    'L',
    '.',
    'D',
    'A',
    'T',
    'A',
    'B',
    'A',
    'S',
    'E',
    '.',
    0,
    0,
    0,
    1
  };
  private static final byte[] VALUE = "dbinstance".getBytes(StandardCharsets.US_ASCII);

  private SqlCatalog() {}

  /** The stored key of the tx-1 entry (18 bytes). */
  public static byte[] firstTxKey() {
    return KEY.clone();
  }

  /** The stored value of the tx-1 entry (10 bytes). */
  public static byte[] firstTxValue() {
    return VALUE.clone();
  }
}
