package io.immudb.core.ahtree;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Builds roots and proofs of an append-only hash tree (spec v1 §6.2–§6.5) from the perfect subtrees
 * of any {@link AhtNodes}.
 *
 * <p>Thread-safe as far as the {@link AhtNodes} read is (stateless; each call without a hasher
 * argument creates its own). The tree may hold more than the {@code j} leaves asked about: only
 * perfect subtrees lying inside leaves {@code 1..j} are read, so a proof for size {@code j} stays
 * the same however far the tree has grown.
 *
 * <p>Every range hashed for a root or a proof is a node of the RFC 6962 recursion over {@code
 * 1..j}. Such a range starts at a multiple of its largest power-of-two part, so it splits into the
 * perfect subtrees ("peaks") of the binary decomposition of its size:
 *
 * <pre>
 * MTH(leaves 9..15) = NODE(P(9..12), NODE(P(13..14), h15))     peaks of 7 = 4 + 2 + 1
 * </pre>
 *
 * Hence a range costs O(log n) node reads and a proof O(log² n) at worst; a tree that remembers the
 * ranges it was asked for ({@link AhtNodes#knownRange}) makes the ranges at the right edge of a
 * recent state, which every proof to that state needs, one lookup each. Unaligned ranges (only
 * reachable through {@link #rangeHash}) are computed from smaller subtrees and cost up to O(size).
 */
public final class AhtProofs {
  private AhtProofs() {}

  /** {@code ROOT(n)} (spec v1 §6.2). Requires {@code 1 ≤ n ≤ t.size()}. */
  public static Sha256Digest root(AhtNodes t, long n) {
    return root(t, n, Sha256Hasher.create());
  }

  /** As {@link #root(AhtNodes, long)}, with a hasher. */
  public static Sha256Digest root(AhtNodes t, long n, Sha256Hasher h) {
    checkRange(t, 1, n);
    return mth(t, 0, n, h);
  }

  /**
   * RFC 6962 Merkle Tree Hash of leaves {@code from..to} (1-based, inclusive). Requires {@code 1 ≤
   * from ≤ to ≤ t.size()}.
   */
  public static Sha256Digest rangeHash(AhtNodes t, long from, long to) {
    return rangeHash(t, from, to, Sha256Hasher.create());
  }

  /** As {@link #rangeHash(AhtNodes, long, long)}, with a hasher. */
  public static Sha256Digest rangeHash(AhtNodes t, long from, long to, Sha256Hasher h) {
    checkRange(t, from, to);
    return mth(t, from - 1, to - from + 1, h);
  }

  /**
   * {@code INCL(i, j)}: the audit path of leaf {@code i} in the tree of size {@code j}, bottom-up
   * (spec v1 §6.3). Requires {@code 1 ≤ i ≤ j ≤ t.size()}.
   */
  public static List<Sha256Digest> inclusion(AhtNodes t, long i, long j) {
    return inclusion(t, i, j, Sha256Hasher.create());
  }

  /** As {@link #inclusion(AhtNodes, long, long)}, with a hasher. */
  public static List<Sha256Digest> inclusion(AhtNodes t, long i, long j, Sha256Hasher h) {
    checkRange(t, i, j);
    // Walk the RFC 6962 recursion PATH(m, D[off, off+n)) top-down; reverse at the end.
    List<Sha256Digest> topDown = new ArrayList<>();
    long m = i - 1;
    long off = 0;
    long n = j;
    while (n > 1) {
      long k = largestPowerOfTwoBelow(n);
      if (m < k) {
        topDown.add(mth(t, off + k, n - k, h));
        n = k;
      } else {
        topDown.add(mth(t, off, k, h));
        off += k;
        m -= k;
        n -= k;
      }
    }
    Collections.reverse(topDown);
    return List.copyOf(topDown);
  }

  /**
   * {@code CONS(i, j)} with immudb's rules (spec v1 §6.4): the RFC 6962 {@code SUBPROOF(i, D[j],
   * true)} with {@code ROOT(i)} prepended when {@code i} is a power of two, so the first term is
   * always the root of a subtree of the old tree; for {@code i = j > 1} the two-element list {@code
   * [MTH(h_{k+1}..h_j), MTH(h_1..h_k)]}; empty for {@code i = j = 1}. Requires {@code 1 ≤ i ≤ j ≤
   * t.size()}.
   */
  public static List<Sha256Digest> consistency(AhtNodes t, long i, long j) {
    return consistency(t, i, j, Sha256Hasher.create());
  }

  /** As {@link #consistency(AhtNodes, long, long)}, with a hasher. */
  public static List<Sha256Digest> consistency(AhtNodes t, long i, long j, Sha256Hasher h) {
    checkRange(t, i, j);
    if (i == j) {
      if (j == 1) {
        return List.of();
      }
      long k = largestPowerOfTwoBelow(j);
      return List.of(mth(t, k, j - k, h), mth(t, 0, k, h));
    }
    List<Sha256Digest> topDown = new ArrayList<>();
    long m = i;
    long off = 0;
    long n = j;
    while (m != n) {
      long k = largestPowerOfTwoBelow(n);
      if (m <= k) {
        topDown.add(mth(t, off + k, n - k, h));
        n = k;
      } else {
        topDown.add(mth(t, off, k, h));
        off += k;
        m -= k;
        n -= k;
      }
    }
    // The recursion stops at a subtree D[off, off+n) that the old tree shares with the new one.
    // RFC 6962 emits it only after a right turn (flag false); that happens unless i is a power of
    // two, in which case the subtree is ROOT(i) itself, which immudb prepends. Either way it leads.
    List<Sha256Digest> proof = new ArrayList<>(topDown.size() + 1);
    proof.add(mth(t, off, n, h));
    for (int x = topDown.size() - 1; x >= 0; x--) {
      proof.add(topDown.get(x));
    }
    return List.copyOf(proof);
  }

  /**
   * {@code LAST(j) = INCL(j, j)} (spec v1 §6.5): every term is a left sibling. Requires {@code 1 ≤
   * j ≤ t.size()}.
   */
  public static List<Sha256Digest> lastInclusion(AhtNodes t, long j) {
    return inclusion(t, j, j, Sha256Hasher.create());
  }

  /** As {@link #lastInclusion(AhtNodes, long)}, with a hasher. */
  public static List<Sha256Digest> lastInclusion(AhtNodes t, long j, Sha256Hasher h) {
    return inclusion(t, j, j, h);
  }

  /** The largest power of two strictly below {@code n}. Requires {@code n ≥ 2}. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** MTH of the 0-based leaf range {@code [off, off+size)}, {@code size ≥ 1}. */
  private static Sha256Digest mth(AhtNodes t, long off, long size, Sha256Hasher h) {
    if (Long.bitCount(size) == 1 && off % size == 0) {
      return t.node(Long.numberOfTrailingZeros(size), off / size);
    }
    Sha256Digest known = t.knownRange(off, size);
    if (known != null) {
      return known;
    }
    long k = Long.bitCount(size) == 1 ? size >>> 1 : Long.highestOneBit(size);
    Sha256Digest root = h.node(mth(t, off, k, h), mth(t, off + k, size - k, h));
    t.rangeHashed(off, size, root);
    return root;
  }

  private static void checkRange(AhtNodes t, long from, long to) {
    Objects.requireNonNull(t, "tree");
    if (from < 1 || from > to || to > t.size()) {
      throw new IllegalArgumentException(
          "requires 1 <= " + from + " <= " + to + " <= tree size " + t.size());
    }
  }
}
