package io.immudb.embedded.internal.index;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A stored key together with one of its versions, as returned by a scan.
 *
 * <p>Thread-safe (immutable): the key is copied on the way in and on the way out. Equality is by
 * key content and ref.
 *
 * @param storedKey the stored key, namespace byte included
 * @param ref the version of the key the scan selected
 */
public record KeyVersion(byte[] storedKey, EntryRef ref) {
  public KeyVersion {
    if (storedKey == null) {
      throw new IllegalArgumentException("storedKey is null");
    }
    if (ref == null) {
      throw new IllegalArgumentException("ref is null");
    }
    storedKey = storedKey.clone();
  }

  /** Returns a copy of the stored key. */
  @Override
  public byte[] storedKey() {
    return storedKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyVersion kv
        && Arrays.equals(storedKey, kv.storedKey)
        && ref.equals(kv.ref);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(storedKey) + ref.hashCode();
  }

  @Override
  public String toString() {
    return "KeyVersion[storedKey=" + HexFormat.of().formatHex(storedKey) + ", ref=" + ref + "]";
  }
}
