package io.immudb.legacy.internal;

import com.google.protobuf.ByteString;
import io.immudb.core.ErrorCode;
import io.immudb.legacy.LegacyException;

/**
 * v0.8's key rules (spec v0.8 §1.3 "Reserved keys", §4.5): empty keys, keys starting with {@code
 * 0x00} and the metadata key name are {@code invalid key}. Thread-safe (stateless).
 */
final class LegacyKeys {
  private static final ByteString METADATA =
      ByteString.copyFromUtf8("IMMUDB.METADATA.LAST_FLUSHED_LEAF");

  private LegacyKeys() {}

  static boolean reserved(ByteString key) {
    return !key.isEmpty() && (key.byteAt(0) == 0 || key.equals(METADATA));
  }

  /** Refuses an empty or reserved key with {@code invalid key}. */
  static void check(ByteString key) {
    check(key, "invalid key");
  }

  /** Refuses an empty or reserved value with {@code text}. */
  static void check(ByteString key, String text) {
    if (key.isEmpty() || reserved(key)) {
      throw LegacyException.of(ErrorCode.INVALID_ARGUMENT, text);
    }
  }
}
