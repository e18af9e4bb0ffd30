package io.immudb.legacy.tree;

import java.util.Arrays;

/**
 * One entry of the log as the v0.8 API sees it (spec v0.8 §1.3): its leaf index and the key and
 * value its leaf hashes. See {@link LegacyEntries#view} for how a stored entry maps to it.
 *
 * <p>Thread-safe (immutable; arrays are copied in and out).
 *
 * @param index the 0-based position of the entry in the log (tx, then entry order)
 * @param key the leaf key
 * @param value the leaf value
 */
public record LegacyItem(long index, byte[] key, byte[] value) {
  public LegacyItem {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    key = key.clone();
    value = value.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LegacyItem i
        && index == i.index
        && Arrays.equals(key, i.key)
        && Arrays.equals(value, i.value);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(index) + Arrays.hashCode(key)) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "LegacyItem{index=" + index + ", key=" + key.length + "B, value=" + value.length + "B}";
  }
}
