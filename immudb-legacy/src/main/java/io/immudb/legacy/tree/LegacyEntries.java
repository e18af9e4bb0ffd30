package io.immudb.legacy.tree;

import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import java.util.Arrays;

/**
 * How an entry of the log, as stored, becomes the (key, value) pair of its v0.8 leaf (spec v0.8
 * §1.3). A plain entry ({@code 0x00 ‖ key} → {@code 0x00 ‖ value}, spec v1 §3) is the user's key
 * and value, so a value written through either API has the leaf immudb4j recomputes from what it
 * sent. Every other entry (a reference, a sorted-set member, the SQL catalog) keeps its stored
 * bytes, except that a reference drops its key's namespace byte: {@code ByIndex} shows it as it is.
 *
 * <p>Thread-safe (stateless).
 */
public final class LegacyEntries {
  private LegacyEntries() {}

  /** The leaf key and value of {@code stored}, at {@code index}. */
  public static LegacyItem view(long index, StoredKeyValue stored) {
    byte[] k = stored.key();
    byte[] v = stored.value();
    if (k.length >= 1 && k[0] == StoredKeys.PLAIN_PREFIX) {
      byte[] userKey = Arrays.copyOfRange(k, 1, k.length);
      if (v.length >= 1 && v[0] == StoredValues.PLAIN) {
        return new LegacyItem(index, userKey, Arrays.copyOfRange(v, 1, v.length));
      }
      return new LegacyItem(index, userKey, v);
    }
    return new LegacyItem(index, k, v);
  }

  /**
   * {@code LEAF(index, K, V)} of {@code stored} with {@code (K, V) = view(index, stored)}, hashed
   * in place (one copy of the key and value, made by {@link StoredKeyValue}).
   */
  static io.immudb.core.crypto.Sha256Digest leaf(
      io.immudb.core.crypto.Sha256Hasher h, long index, StoredKeyValue stored) {
    byte[] k = stored.key();
    byte[] v = stored.value();
    if (k.length >= 1 && k[0] == StoredKeys.PLAIN_PREFIX) {
      int vOff = v.length >= 1 && v[0] == StoredValues.PLAIN ? 1 : 0;
      return LegacyLeaf.hash(h, index, k, 1, k.length - 1, v, vOff, v.length - vOff);
    }
    return LegacyLeaf.hash(h, index, k, 0, k.length, v, 0, v.length);
  }

  /** True iff {@code stored} is a plain key-value entry (not a reference or anything else). */
  public static boolean isPlain(StoredKeyValue stored) {
    byte[] k = stored.key();
    byte[] v = stored.value();
    return k.length >= 1
        && k[0] == StoredKeys.PLAIN_PREFIX
        && v.length >= 1
        && v[0] == StoredValues.PLAIN;
  }
}
