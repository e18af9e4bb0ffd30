package io.immudb.core.ahtree;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An append-only hash tree over Alh values held in memory (spec v1 §6.1).
 *
 * <p><b>Not thread-safe</b>: callers that share an instance must synchronize appends and reads
 * themselves. Appending leaf {@code n} stores {@code LEAF(Alh_n)} and every perfect subtree that it
 * completes, so each node of {@link AhtNodes} is computed once and never changes. Level {@code l}
 * holds {@code size() >> l} nodes, one flat array per level; capacity is bounded by Java arrays
 * (about 67 million leaves).
 */
public final class InMemoryAhTree implements AhtNodes {
  private static final int L = Sha256Digest.LENGTH;

  private final Sha256Hasher hasher = Sha256Hasher.create();
  private final List<byte[]> levels = new ArrayList<>();
  private long size;

  /** Creates an empty tree. */
  public InMemoryAhTree() {}

  /**
   * Appends {@code LEAF(alh)} as leaf {@code size() + 1} and completes the perfect parents it
   * closes. Returns the leaf hash.
   */
  public Sha256Digest append(Sha256Digest alh) {
    Objects.requireNonNull(alh, "alh");
    if (size >= Integer.MAX_VALUE / L) {
      throw new IllegalStateException("in-memory tree is full at " + size + " leaves");
    }
    long idx = size;
    byte[] level0 = room(0, idx);
    hasher.leafInto(alh, level0, (int) idx * L);
    Sha256Digest leaf = Sha256Digest.of(level0, (int) idx * L);
    int lv = 0;
    while ((idx & 1) == 1) {
      byte[] child = levels.get(lv);
      long parent = idx >>> 1;
      byte[] up = room(lv + 1, parent);
      hasher.nodeInto(child, (int) (idx - 1) * L, up, (int) parent * L);
      idx = parent;
      lv++;
    }
    size++;
    return leaf;
  }

  /** {@code ROOT(size())} (spec v1 §6.2). Requires {@code size() ≥ 1}. */
  public Sha256Digest root() {
    if (size == 0) {
      throw new IllegalStateException("ROOT(0) is undefined");
    }
    return AhtProofs.root(this, size, hasher);
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public Sha256Digest node(int level, long index) {
    if (level < 0 || level >= levels.size() || index < 0 || index >= (size >>> level)) {
      throw new IllegalArgumentException(
          "no complete subtree at level " + level + " index " + index + " in a tree of " + size);
    }
    return Sha256Digest.of(levels.get(level), (int) index * L);
  }

  private byte[] room(int level, long index) {
    if (level == levels.size()) {
      levels.add(new byte[16 * L]);
    }
    byte[] arr = levels.get(level);
    int need = (int) (index + 1) * L;
    if (need > arr.length) {
      arr = Arrays.copyOf(arr, Math.max(need, (int) Math.min(2L * arr.length, Integer.MAX_VALUE)));
      levels.set(level, arr);
    }
    return arr;
  }
}
