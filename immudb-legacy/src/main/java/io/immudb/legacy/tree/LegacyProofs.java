package io.immudb.legacy.tree;

import io.immudb.core.ahtree.AhtNodes;
import io.immudb.core.ahtree.AhtProofs;
import io.immudb.core.crypto.Sha256Digest;
import java.util.List;

/**
 * Roots and proof paths of the v0.8 per-entry tree (spec v0.8 §1.2, §2.1), in the spec's 0-based
 * "last index" terms, built from the perfect subtrees of an {@link AhtNodes} whose level-0 nodes
 * are the {@link LegacyLeaf} hashes (leaf {@code i} of the spec is leaf {@code i+1} there).
 *
 * <p>The v0.8 tree and immudb v1's AHT are the same RFC 6962 tree (leaf prefix {@code 0x00}, node
 * prefix {@code 0x01}); they differ only in what a leaf hashes and in one detail of the consistency
 * list: v1 prepends {@code ROOT(m)} when the old size {@code m} is a power of two, v0.8 emits the
 * bare RFC 6962 {@code PROOF(m, D[n])}. So {@link #consistencyPath} drops that first element.
 *
 * <p>Thread-safe as far as the {@link AhtNodes} read is (stateless).
 */
public final class LegacyProofs {
  private LegacyProofs() {}

  /** {@code MTH(L[0..at])}. Requires {@code 0 ≤ at < t.size()}. */
  public static Sha256Digest root(AhtNodes t, long at) {
    return AhtProofs.root(t, at + 1);
  }

  /**
   * {@code PATH(index, L[0..at])}, bottom-up (spec v0.8 §2.1). Requires {@code 0 ≤ index ≤ at <
   * t.size()}.
   */
  public static List<Sha256Digest> inclusionPath(AhtNodes t, long index, long at) {
    return AhtProofs.inclusion(t, index + 1, at + 1);
  }

  /**
   * {@code PROOF(first+1, L[0..at])}, bottom-up (spec v0.8 §2.1); empty when {@code first ≥ at}.
   * Requires {@code 0 ≤ first} and {@code at < t.size()}.
   */
  public static List<Sha256Digest> consistencyPath(AhtNodes t, long first, long at) {
    if (first < 0) {
      throw new IllegalArgumentException("first must be >= 0, got " + first);
    }
    if (first >= at) {
      return List.of();
    }
    long m = first + 1;
    List<Sha256Digest> v1 = AhtProofs.consistency(t, m, at + 1);
    return Long.bitCount(m) == 1 ? v1.subList(1, v1.size()) : v1;
  }
}
