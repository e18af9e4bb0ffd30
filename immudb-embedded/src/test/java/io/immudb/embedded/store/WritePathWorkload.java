package io.immudb.embedded.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The transactions of {@link WritePathKillIT}: each one is a pure function of a 64-bit seed, so the
 * child that commits it only has to print the seed, and the parent re-creates the exact entries to
 * compare them byte for byte with what recovery kept.
 *
 * <p>A tx has 1 entry (60%), 2–16 (37%) or 17–200 entries. Entry 0 has a key unique to the tx
 * ({@link #uniqueKey}), so a read of it through the index must return exactly this tx's value; the
 * other keys come from a small shared space, so keys are overwritten across txs and threads. Values
 * are empty or small (mostly up to 257 bytes, sometimes up to 4097, with sizes around powers of two
 * where an inline/out-of-line threshold is likely to sit), or large: a tx has a 20 KiB value with
 * probability 1/16 and a 200 KiB one with probability 1/128: about 4 KiB and 7 entries per tx on
 * average, which keeps the store, verified in full after every kill, at 100–300 MiB after 50 kills
 * (20k–75k txs, depending on the machine).
 *
 * <p>Thread-safe (stateless).
 */
final class WritePathWorkload {
  /** Names of the shared keys. */
  static final int SHARED_KEYS = 4096;

  static final int MEDIUM_VALUE = 20 << 10;
  static final int LARGE_VALUE = 200 << 10;

  /** Segment size: small, so that records (and large values) cross segment boundaries. */
  static final long SEGMENT_SIZE = 1 << 20;

  private static final int[] SMALL_SIZES = {
    0, 0, 1, 31, 32, 33, 63, 64, 64, 64, 64, 65, 127, 128, 129, 255, 256, 257
  };
  private static final int[] BIGGER_SIZES = {511, 512, 513, 1023, 1024, 1025, 4095, 4096, 4097};

  private WritePathWorkload() {}

  static StoreOptions options() {
    return StoreOptions.builder().synced(true).segmentSize(SEGMENT_SIZE).build();
  }

  /** The key of entry 0 of the tx of {@code seed}, which no other tx writes. */
  static byte[] uniqueKey(long seed) {
    return String.format("u/%016x", seed).getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] sharedKey(int name) {
    return String.format("s/%04d", name).getBytes(StandardCharsets.US_ASCII);
  }

  /** The entries of the tx of {@code seed}; the same on every call and in every JVM. */
  static List<KeyValue> entries(long seed) {
    Random r = new Random(seed);
    int roll = r.nextInt(100);
    int n = roll < 60 ? 1 : roll < 97 ? 2 + r.nextInt(15) : 17 + r.nextInt(184);
    int medium = r.nextInt(16) == 0 ? r.nextInt(n) : -1;
    int large = r.nextInt(128) == 0 ? r.nextInt(n) : -1;
    Set<Integer> names = new LinkedHashSet<>();
    while (names.size() < n - 1) {
      names.add(r.nextInt(SHARED_KEYS));
    }
    List<KeyValue> kvs = new ArrayList<>(n);
    kvs.add(KeyValue.ofOwned(uniqueKey(seed), value(r, 0, medium, large)));
    int i = 1;
    for (int name : names) {
      kvs.add(KeyValue.ofOwned(sharedKey(name), value(r, i++, medium, large)));
    }
    return kvs;
  }

  private static byte[] value(Random r, int i, int medium, int large) {
    int len;
    if (i == large) {
      len = LARGE_VALUE;
    } else if (i == medium) {
      len = MEDIUM_VALUE;
    } else if (r.nextInt(64) == 0) {
      len = BIGGER_SIZES[r.nextInt(BIGGER_SIZES.length)];
    } else if (r.nextInt(16) == 0) {
      len = r.nextInt(1025);
    } else {
      len = SMALL_SIZES[r.nextInt(SMALL_SIZES.length)];
    }
    byte[] v = new byte[len];
    r.nextBytes(v);
    return v;
  }
}
