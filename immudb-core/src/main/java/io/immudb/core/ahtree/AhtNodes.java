package io.immudb.core.ahtree;

import io.immudb.core.crypto.Sha256Digest;

/**
 * Read access to the perfect subtrees of an append-only hash tree over Alh values (spec v1 §6).
 *
 * <p>Leaves are numbered from 1. The node at {@code (level, index)} is the root of the perfect
 * subtree over leaves {@code index·2^level + 1 … (index+1)·2^level}; level 0 holds the leaf hashes
 * {@code LEAF(Alh_i)}:
 *
 * <pre>
 * level 2                 n(2,0)
 *                    /             \
 * level 1       n(1,0)             n(1,1)
 *              /      \           /      \
 * level 0   n(0,0)  n(0,1)     n(0,2)  n(0,3)   n(0,4)
 * leaf         1       2          3       4        5
 * </pre>
 *
 * <p>Implementations MUST return only nodes whose subtree is complete, i.e. {@code
 * (index+1)·2^level ≤ size()}, and MUST throw {@link IllegalArgumentException} otherwise.
 * Thread-safety is up to the implementation and is stated there. The file-backed tree of the engine
 * and {@link InMemoryAhTree} implement it.
 */
public interface AhtNodes {
  /** Number of leaves. */
  long size();

  /** Hash of the perfect subtree at {@code (level, index)}; see the class comment. */
  Sha256Digest node(int level, long index);

  /**
   * The Merkle Tree Hash of leaves {@code off+1 … off+count} when that range is not a perfect
   * subtree, if the tree has it at hand (remembered from an earlier {@link #rangeHashed}); null
   * otherwise. {@link AhtProofs} asks before hashing such a range from its perfect subtrees. A
   * complete range never changes, so a tree may remember it for as long as it holds those leaves.
   * Requires {@code off + count ≤ size()}. The default remembers nothing.
   */
  default Sha256Digest knownRange(long off, long count) {
    return null;
  }

  /**
   * Told by {@link AhtProofs} the hash {@code root} it computed for leaves {@code off+1 …
   * off+count} (not a perfect subtree), so that {@link #knownRange} may return it later. The
   * default ignores it.
   */
  default void rangeHashed(long off, long count, Sha256Digest root) {}
}
