package io.immudb.bench.load;

/**
 * The sequential key scheme of the benchmarks: key {@code i} is {@code 'k'} followed by {@code i}
 * in decimal, zero-padded to fill the key length (the {@code "k%0Nd"} format with {@code N = keyLen
 * - 1}). Requires {@code keyLen ≥ 2} and {@code 0 ≤ i < 10^(keyLen-1)}.
 *
 * <p>Thread-safe (stateless). Keys are written digit by digit instead of through {@link
 * String#format}, which would cost more than the reads it feeds.
 */
public final class SequentialKeys {
  private SequentialKeys() {}

  /** The key with index {@code index}, {@code keyLen} bytes long. */
  public static byte[] key(long index, int keyLen) {
    if (index < 0) {
      throw new IllegalArgumentException("key index must be >= 0, got " + index);
    }
    checkKeyLen(keyLen);
    byte[] k = new byte[keyLen];
    k[0] = 'k';
    long v = index;
    for (int i = keyLen - 1; i >= 1; i--) {
      k[i] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    if (v != 0) {
      throw new IllegalArgumentException(
          "key index " + index + " does not fit in a " + keyLen + "-byte key");
    }
    return k;
  }

  /** Checks that keys {@code [0, count)} all fit in {@code keyLen} bytes. */
  public static void checkFits(long count, int keyLen) {
    checkKeyLen(keyLen);
    if (count > 0) {
      key(count - 1, keyLen);
    }
  }

  /** The {@link String#format} pattern that gives the same keys, for documentation. */
  public static String pattern(int keyLen) {
    return "k%0" + (keyLen - 1) + "d";
  }

  private static void checkKeyLen(int keyLen) {
    if (keyLen < 2) {
      throw new IllegalArgumentException("sequential keys need key length >= 2, got " + keyLen);
    }
  }
}
