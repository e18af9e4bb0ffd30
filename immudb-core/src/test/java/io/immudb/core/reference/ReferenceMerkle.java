package io.immudb.core.reference;

import io.immudb.core.crypto.Sha256Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A naive Merkle tree written straight from the recursive definitions of RFC 6962 §2.1 and spec v1
 * §4.2, §6.2–§6.4, to check the optimized code against. Slow on purpose: no caching, no levels, its
 * own SHA-256 calls.
 *
 * <p>Besides the proofs themselves it derives their <em>shape</em> (which side each term joins on),
 * which gives an independent, strict verifier: a proof is accepted iff it has the shape of the
 * canonical proof for its indexes and folds to the root(s).
 */
public final class ReferenceMerkle {
  private ReferenceMerkle() {}

  /** Where an inclusion term joins the running hash. */
  public enum Side {
    /** term on the left: {@code NODE(t, c)} */
    LEFT,
    /** term on the right: {@code NODE(c, t)} */
    RIGHT
  }

  /** The role of a consistency proof term. */
  public enum Role {
    /** a subtree shared by both trees; starts both running hashes */
    SEED,
    /** a left sibling in both trees */
    LEFT_IN_BOTH,
    /** a right sibling in the new tree only */
    RIGHT_IN_NEW
  }

  public static Sha256Digest sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return Sha256Digest.of(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  public static Sha256Digest leafHash(Sha256Digest d) {
    return sha256(new byte[] {0}, d.toByteArray());
  }

  public static Sha256Digest nodeHash(Sha256Digest l, Sha256Digest r) {
    return sha256(new byte[] {1}, l.toByteArray(), r.toByteArray());
  }

  /** Largest power of two strictly below n (n ≥ 2), by counting. */
  static int split(int n) {
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }

  /** MTH(D) over leaf hashes D (already LEAF-hashed). Requires a non-empty list. */
  public static Sha256Digest mth(List<Sha256Digest> d) {
    if (d.size() == 1) {
      return d.get(0);
    }
    int k = split(d.size());
    return nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
  }

  /** PATH(m, D), bottom-up. */
  public static List<Sha256Digest> path(int m, List<Sha256Digest> d) {
    List<Sha256Digest> out = new ArrayList<>();
    if (d.size() == 1) {
      return out;
    }
    int k = split(d.size());
    if (m < k) {
      out.addAll(path(m, d.subList(0, k)));
      out.add(mth(d.subList(k, d.size())));
    } else {
      out.addAll(path(m - k, d.subList(k, d.size())));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  /** SUBPROOF(m, D, b) of RFC 6962 §2.1.2. */
  public static List<Sha256Digest> subproof(int m, List<Sha256Digest> d, boolean b) {
    List<Sha256Digest> out = new ArrayList<>();
    int n = d.size();
    if (m == n) {
      if (!b) {
        out.add(mth(d));
      }
      return out;
    }
    int k = split(n);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(subproof(m - k, d.subList(k, n), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  /** immudb's CONS(i, j) over leaves D = h_1..h_j (spec v1 §6.4). */
  public static List<Sha256Digest> consistency(int i, List<Sha256Digest> d) {
    int j = d.size();
    if (i == j) {
      if (j == 1) {
        return new ArrayList<>();
      }
      int k = split(j);
      return new ArrayList<>(List.of(mth(d.subList(k, j)), mth(d.subList(0, k))));
    }
    List<Sha256Digest> out = new ArrayList<>();
    if (Integer.bitCount(i) == 1) {
      out.add(mth(d.subList(0, i)));
    }
    out.addAll(subproof(i, d, true));
    return out;
  }

  /** The sides of the terms of PATH(m, D) for |D| = n, bottom-up. */
  public static List<Side> pathShape(long m, long n) {
    List<Side> out = new ArrayList<>();
    if (n == 1) {
      return out;
    }
    long k = split((int) n);
    if (m < k) {
      out.addAll(pathShape(m, k));
      out.add(Side.RIGHT);
    } else {
      out.addAll(pathShape(m - k, n - k));
      out.add(Side.LEFT);
    }
    return out;
  }

  /** The roles of the terms of CONS(i, j). Requires 1 ≤ i ≤ j. */
  public static List<Role> consistencyShape(long i, long j) {
    if (i == j) {
      return j == 1 ? new ArrayList<>() : new ArrayList<>(List.of(Role.SEED, Role.LEFT_IN_BOTH));
    }
    List<Role> out = new ArrayList<>();
    if (Long.bitCount(i) == 1) {
      out.add(Role.SEED);
    }
    out.addAll(subproofShape(i, j, true));
    return out;
  }

  private static List<Role> subproofShape(long m, long n, boolean b) {
    List<Role> out = new ArrayList<>();
    if (m == n) {
      if (!b) {
        out.add(Role.SEED);
      }
      return out;
    }
    long k = split((int) n);
    if (m <= k) {
      out.addAll(subproofShape(m, k, b));
      out.add(Role.RIGHT_IN_NEW);
    } else {
      out.addAll(subproofShape(m - k, n - k, false));
      out.add(Role.LEFT_IN_BOTH);
    }
    return out;
  }

  /**
   * Strict reference check of an inclusion proof of leaf hash {@code leaf} at 0-based {@code m} in
   * a tree of {@code n} leaves.
   */
  public static boolean inclusionHolds(
      List<Sha256Digest> proof, long m, long n, Sha256Digest leaf, Sha256Digest root) {
    if (m < 0 || m >= n || n > Integer.MAX_VALUE) {
      return false;
    }
    List<Side> shape = pathShape(m, n);
    if (shape.size() != proof.size()) {
      return false;
    }
    Sha256Digest c = leaf;
    for (int x = 0; x < proof.size(); x++) {
      c = shape.get(x) == Side.LEFT ? nodeHash(proof.get(x), c) : nodeHash(c, proof.get(x));
    }
    return c.equals(root);
  }

  /** Strict reference check of CONS(i, j) against both roots (empty allowed when i = j). */
  public static boolean consistencyHolds(
      List<Sha256Digest> proof, long i, long j, Sha256Digest oldRoot, Sha256Digest newRoot) {
    if (i < 1 || i > j || j > Integer.MAX_VALUE) {
      return false;
    }
    if (i == j && proof.isEmpty()) {
      return oldRoot.equals(newRoot);
    }
    List<Role> shape = consistencyShape(i, j);
    if (shape.size() != proof.size() || shape.isEmpty()) {
      return false;
    }
    Sha256Digest ci = proof.get(0);
    Sha256Digest cj = ci;
    for (int x = 1; x < proof.size(); x++) {
      Sha256Digest t = proof.get(x);
      if (shape.get(x) == Role.LEFT_IN_BOTH) {
        ci = nodeHash(t, ci);
        cj = nodeHash(t, cj);
      } else {
        cj = nodeHash(cj, t);
      }
    }
    return ci.equals(oldRoot) && cj.equals(newRoot);
  }
}
