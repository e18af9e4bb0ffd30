package io.immudb.core.tx;

import io.immudb.core.crypto.AuditPath;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The Merkle tree over the entries of one transaction; its root is the header's {@code eH} (spec v1
 * §4.1).
 *
 * <p>Thread-safe (immutable after {@link #build}). Levels are built bottom-up by hashing adjacent
 * pairs; an odd last node is copied up unchanged, never hashed with itself. For 5 entries:
 *
 * <pre>
 * level 3                    eH = NODE(a, L4)
 * level 2          a = NODE(b, c)            L4   (promoted twice)
 * level 1     b = NODE(L0,L1)  c = NODE(L2,L3)  L4   (promoted)
 * level 0       L0    L1         L2    L3       L4     Li = LEAF(digest_i)
 * </pre>
 *
 * <p>This equals the RFC 6962 Merkle Tree Hash. All nodes of all levels live in one flat array
 * (fewer than {@code 2·width} nodes), so an inclusion proof is read, not recomputed.
 *
 * <p>A {@linkplain #trimmed trimmed} tree keeps only the levels from some {@code base} up, a
 * quarter of the nodes for {@code base = 2}: it is what a cache holds for many transactions. Its
 * proofs recompute the few lower nodes they need from the entry digests around the leaf.
 */
public final class HTree {
  private static final int L = Sha256Digest.LENGTH;

  private final int width;

  /** The lowest level held in {@link #nodes}: 0 for a full tree. */
  private final int base;

  /** The levels from {@link #base} up, lowest first, 32 bytes per node. */
  private final byte[] nodes;

  /** Index (in nodes) of the first node of each level; meaningless below {@link #base}. */
  private final int[] levelStart;

  /** Number of nodes of each level. */
  private final int[] levelSize;

  private HTree(int width, int base, byte[] nodes, int[] levelStart, int[] levelSize) {
    this.width = width;
    this.base = base;
    this.nodes = nodes;
    this.levelStart = levelStart;
    this.levelSize = levelSize;
  }

  /**
   * Builds the tree over entry digests in commit order (spec v1 §4.1). Requires at least one
   * digest.
   */
  public static HTree build(List<Sha256Digest> entryDigests, Sha256Hasher hasher) {
    int n = entryDigests.size();
    if (n < 1) {
      throw new IllegalArgumentException("a transaction has at least one entry");
    }
    int levels = 1;
    int total = n;
    for (int s = n; s > 1; s = (s + 1) >>> 1) {
      levels++;
      total = Math.addExact(total, (s + 1) >>> 1);
    }
    int[] start = new int[levels];
    int[] size = new int[levels];
    byte[] nodes = new byte[Math.multiplyExact(total, L)];
    for (int i = 0; i < n; i++) {
      hasher.leafInto(entryDigests.get(i), nodes, i * L);
    }
    size[0] = n;
    for (int lv = 1; lv < levels; lv++) {
      int prevStart = start[lv - 1];
      int prevSize = size[lv - 1];
      start[lv] = prevStart + prevSize;
      size[lv] = (prevSize + 1) >>> 1;
      int pairs = prevSize >>> 1;
      for (int k = 0; k < pairs; k++) {
        hasher.nodeInto(nodes, (prevStart + 2 * k) * L, nodes, (start[lv] + k) * L);
      }
      if ((prevSize & 1) == 1) {
        System.arraycopy(nodes, (prevStart + prevSize - 1) * L, nodes, (start[lv] + pairs) * L, L);
      }
    }
    return new HTree(n, 0, nodes, start, size);
  }

  /**
   * This tree without its levels below {@code base} (the same tree if it has no level above them):
   * proofs then need {@link #inclusionProof(int, IntFunction, Sha256Hasher)}. Requires a full tree
   * and {@code base ≥ 0}.
   */
  public HTree trimmed(int base) {
    if (this.base != 0) {
      throw new IllegalStateException("tree is already trimmed");
    }
    if (base < 0) {
      throw new IllegalArgumentException("base must be >= 0, got " + base);
    }
    if (base == 0 || base >= levelStart.length) {
      return this;
    }
    int first = levelStart[base];
    int[] start = levelStart.clone();
    for (int lv = 0; lv < start.length; lv++) {
      start[lv] = lv < base ? -1 : start[lv] - first;
    }
    byte[] upper = java.util.Arrays.copyOfRange(nodes, first * L, nodes.length);
    return new HTree(width, base, upper, start, levelSize);
  }

  /** Bytes of node data this tree holds: {@code 32 ×} the nodes of its levels. */
  public int nodeBytes() {
    return nodes.length;
  }

  /** Builds the tree over the digests of {@code entries} (spec v1 §3.4, §4.1). */
  public static HTree ofEntries(List<TxEntry> entries, Sha256Hasher hasher) {
    List<Sha256Digest> digests = new ArrayList<>(entries.size());
    for (TxEntry e : entries) {
      digests.add(e.digest(hasher));
    }
    return build(digests, hasher);
  }

  /** The root, {@code eH}. */
  public Sha256Digest root() {
    return Sha256Digest.of(nodes, levelStart[levelStart.length - 1] * L);
  }

  /** Number of entries (leaves). */
  public int width() {
    return width;
  }

  /**
   * The audit path of entry {@code leaf}, bottom-up (spec v1 §4.2). Requires {@code 0 ≤ leaf <
   * width}. A level where the node is the promoted odd last node contributes no term.
   */
  public InclusionProof inclusionProof(int leaf) {
    if (base != 0) {
      throw new IllegalStateException("a trimmed tree needs the entry digests for a proof");
    }
    return inclusionProof(leaf, null, null);
  }

  /**
   * The audit path of entry {@code leaf}, as {@link #inclusionProof(int)}, for a full or
   * {@linkplain #trimmed trimmed} tree: the nodes below the trimmed levels are recomputed from
   * {@code entryDigest}, called for at most {@code 2^base} entries next to {@code leaf}.
   */
  public InclusionProof inclusionProof(
      int leaf, IntFunction<Sha256Digest> entryDigest, Sha256Hasher hasher) {
    if (leaf < 0 || leaf >= width) {
      throw new IllegalArgumentException(
          "requires 0 <= leaf < width, got leaf=" + leaf + " width=" + width);
    }
    List<Sha256Digest> terms = new ArrayList<>();
    if (base > 0) {
      lowerTerms(leaf, entryDigest, hasher, terms);
    }
    int i = leaf >>> base;
    for (int lv = base; lv < levelStart.length - 1; lv++) {
      int sibling = i ^ 1;
      if (sibling < levelSize[lv]) {
        terms.add(Sha256Digest.of(nodes, (levelStart[lv] + sibling) * L));
      }
      i >>>= 1;
    }
    return new InclusionProof(leaf, width, terms);
  }

  /**
   * Adds the terms of levels {@code 0 .. base-1}: rebuilds the aligned block of {@code 2^base}
   * leaves holding {@code leaf} up to level {@code base - 1}. Inside an aligned block the pairing
   * (and an odd last node, which only the tree's last block can have) is the whole tree's.
   */
  private void lowerTerms(
      int leaf, IntFunction<Sha256Digest> entryDigest, Sha256Hasher h, List<Sha256Digest> terms) {
    int from = leaf & -(1 << base);
    int count = Math.min(1 << base, width - from);
    byte[] level = new byte[count * L];
    for (int k = 0; k < count; k++) {
      h.leafInto(entryDigest.apply(from + k), level, k * L);
    }
    int i = leaf - from;
    for (int lv = 0; lv < base; lv++) {
      int sibling = i ^ 1;
      if (sibling < count) {
        terms.add(Sha256Digest.of(level, sibling * L));
      }
      int pairs = count >>> 1;
      byte[] up = new byte[((count + 1) >>> 1) * L];
      for (int k = 0; k < pairs; k++) {
        h.nodeInto(level, 2 * k * L, up, k * L);
      }
      if ((count & 1) == 1) {
        System.arraycopy(level, (count - 1) * L, up, pairs * L, L);
      }
      level = up;
      count = (count + 1) >>> 1;
      i >>>= 1;
    }
  }

  /**
   * Folds an inclusion proof into the root it implies, as the client does (spec v1 §4.3, steps
   * 1–2). Only computes; {@link #verifyInclusion} decides.
   */
  public static Sha256Digest rootFromInclusion(
      InclusionProof p, Sha256Digest entryDigest, Sha256Hasher h) {
    Sha256Digest c = h.leaf(entryDigest);
    long i = p.leaf();
    long r = p.width() - 1L;
    for (Sha256Digest t : p.terms()) {
      c = (i % 2 == 0 && i != r) ? h.node(c, t) : h.node(t, c);
      i >>= 1;
      r >>= 1;
    }
    return c;
  }

  /**
   * Checks that {@code entryDigest} is entry {@code p.leaf()} of a transaction whose entry tree has
   * root {@code eh} (spec v1 §4.3).
   *
   * <p>Stricter than the client in one way: the proof must have exactly as many terms as the audit
   * path for {@code (leaf, width)}. Every proof built by {@link #inclusionProof} or by a v1.1.0
   * server has.
   *
   * @throws VerificationException {@code MALFORMED_PROOF} for a wrong number of terms, {@code
   *     TX_INCLUSION} if the proof does not lead to {@code eh}
   */
  public static void verifyInclusion(InclusionProof p, Sha256Digest entryDigest, Sha256Digest eh)
      throws VerificationException {
    verifyInclusion(p, entryDigest, eh, Sha256Hasher.create());
  }

  /** As {@link #verifyInclusion(InclusionProof, Sha256Digest, Sha256Digest)}, with a hasher. */
  public static void verifyInclusion(
      InclusionProof p, Sha256Digest entryDigest, Sha256Digest eh, Sha256Hasher h)
      throws VerificationException {
    Objects.requireNonNull(entryDigest, "entryDigest");
    Objects.requireNonNull(eh, "eh");
    if (p == null) {
      throw new VerificationException(Reason.MALFORMED_PROOF, "missing inclusion proof");
    }
    int want = AuditPath.length(p.leaf(), p.width() - 1L);
    if (p.terms().size() != want) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF,
          "inclusion proof for leaf "
              + p.leaf()
              + " of width "
              + p.width()
              + " needs "
              + want
              + " terms, got "
              + p.terms().size());
    }
    Sha256Digest c = rootFromInclusion(p, entryDigest, h);
    // Step 3 also demands i = r after the fold; it holds whenever the term count is right.
    if (!c.equals(eh)) {
      throw new VerificationException(
          Reason.TX_INCLUSION, "inclusion proof does not lead to eH", p, eh, c);
    }
  }
}
