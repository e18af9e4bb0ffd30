package io.immudb.core.crypto;

/**
 * The shape of an audit path in the RFC 6962 Merkle tree that both immudb trees are: the entry tree
 * of one transaction (spec v1 §4.1) and the append-only tree over Alh values (spec v1 §6). A proof
 * verifier checks a proof's term count against {@link #length} before folding it.
 *
 * <p>Leaves are 0-based; a node without a right sibling is promoted unchanged and adds no term. For
 * leaf 4 of a 5-leaf tree (last leaf 4) the path is one term, {@code n}:
 *
 * <pre>
 *              root
 *           /        \
 *          n          4     (4 promoted twice: no terms at levels 0 and 1)
 *       /     \
 *     .         .
 *    / \       / \
 *   0   1     2   3    4
 * </pre>
 *
 * <p>Thread-safe (stateless).
 */
public final class AuditPath {
  private AuditPath() {}

  /**
   * Number of terms of the audit path of leaf {@code leaf} in a tree whose last leaf is {@code
   * lastLeaf}: one per level at which the leaf's ancestor has a sibling. Requires 0 ≤ leaf ≤
   * lastLeaf.
   */
  public static int length(long leaf, long lastLeaf) {
    int n = 0;
    for (long a = leaf, b = lastLeaf; b > 0; a >>= 1, b >>= 1) {
      if ((a & 1) == 1 || a < b) {
        n++;
      }
    }
    return n;
  }
}
