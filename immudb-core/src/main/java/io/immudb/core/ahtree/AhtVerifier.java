package io.immudb.core.ahtree;

import io.immudb.core.crypto.AuditPath;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import java.util.List;
import java.util.Objects;

/**
 * Verifies append-only hash tree proofs exactly as the client does (spec v1 §6.3–§6.5), plus one
 * strictness rule.
 *
 * <p>Thread-safe (stateless). {@code verifyX} methods throw {@link VerificationException}; {@code
 * rootFromX} methods only fold a proof into the root it implies and never decide.
 *
 * <p>The strictness rule: besides the reject rules of the spec, a proof must have exactly the
 * number of terms of the canonical proof for its indexes (for {@code CONS(i, i)} also zero terms,
 * which the spec allows). A v1.1.0 server and {@link AhtProofs} only emit canonical proofs; the
 * rule rejects padded or truncated proofs up front as {@code MALFORMED_PROOF}. It cannot reject a
 * proof that is canonical for two index pairs at once (e.g. {@code INCL(1, 3)} read as {@code
 * INCL(1, 4)}): no RFC 6962 verifier can, since the tree size is bound to the root elsewhere (in
 * the header that carries both, spec v1 §5.2).
 */
public final class AhtVerifier {
  private AhtVerifier() {}

  /**
   * Checks that {@code alhI} is leaf {@code i} of the tree of size {@code j} with root {@code
   * rootJ} (spec v1 §6.3). Rejects {@code i > j}, {@code i < 1}, an empty proof for {@code i < j}.
   *
   * @throws VerificationException {@code MALFORMED_PROOF} for bad indexes or a wrong term count,
   *     {@code AHT_INCLUSION} if the proof does not lead to {@code rootJ}
   */
  public static void verifyInclusion(
      List<Sha256Digest> proof, long i, long j, Sha256Digest alhI, Sha256Digest rootJ)
      throws VerificationException {
    Objects.requireNonNull(alhI, "alhI");
    Objects.requireNonNull(rootJ, "rootJ");
    if (proof == null || i < 1 || i > j || (i < j && proof.isEmpty())) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF,
          "malformed inclusion proof for " + i + " in " + j,
          proof,
          null,
          null);
    }
    checkLength(proof, AuditPath.length(i - 1, j - 1), "inclusion", i, j);
    Sha256Digest c = rootFromInclusion(proof, i, j, alhI, Sha256Hasher.create());
    if (!c.equals(rootJ)) {
      throw new VerificationException(
          Reason.AHT_INCLUSION, "inclusion proof of " + i + " in " + j + " fails", proof, rootJ, c);
    }
  }

  /**
   * The root that an inclusion proof of leaf {@code LEAF(alhI)} at {@code i} in a tree of size
   * {@code j} implies (spec v1 §6.3 steps 2–3). Requires {@code 1 ≤ i ≤ j}.
   */
  public static Sha256Digest rootFromInclusion(
      List<Sha256Digest> proof, long i, long j, Sha256Digest alhI, Sha256Hasher h) {
    if (i < 1 || i > j) {
      throw new IllegalArgumentException("requires 1 <= i <= j, got i=" + i + " j=" + j);
    }
    long a = i - 1;
    long b = j - 1;
    Sha256Digest c = h.leaf(alhI);
    for (Sha256Digest t : proof) {
      c = (a % 2 == 0 && a != b) ? h.node(c, t) : h.node(t, c);
      a >>= 1;
      b >>= 1;
    }
    return c;
  }

  /**
   * Checks that the tree of size {@code j} with root {@code rootJ} extends the tree of size {@code
   * i} with root {@code rootI} (spec v1 §6.4). Rejects {@code i > j}, {@code i < 1}, an empty proof
   * for {@code i < j}; for {@code i = j} an empty proof is accepted iff the roots are equal.
   *
   * @throws VerificationException {@code MALFORMED_PROOF} for bad sizes or a wrong term count,
   *     {@code AHT_CONSISTENCY} if the proof does not lead to both roots
   */
  public static void verifyConsistency(
      List<Sha256Digest> proof, long i, long j, Sha256Digest rootI, Sha256Digest rootJ)
      throws VerificationException {
    Objects.requireNonNull(rootI, "rootI");
    Objects.requireNonNull(rootJ, "rootJ");
    if (proof == null || i < 1 || i > j || (i < j && proof.isEmpty())) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF,
          "malformed consistency proof from " + i + " to " + j,
          proof,
          null,
          null);
    }
    if (i == j && proof.isEmpty()) {
      if (!rootI.equals(rootJ)) {
        throw new VerificationException(
            Reason.AHT_CONSISTENCY, "same size " + i + " but different roots", proof, rootI, rootJ);
      }
      return;
    }
    checkLength(proof, consistencyLength(i, j), "consistency", i, j);
    ConsistencyRoots c = rootsFromConsistency(proof, i, j, Sha256Hasher.create());
    if (!c.oldRoot().equals(rootI)) {
      throw new VerificationException(
          Reason.AHT_CONSISTENCY,
          "consistency proof does not lead to the old root",
          proof,
          rootI,
          c.oldRoot());
    }
    if (!c.newRoot().equals(rootJ)) {
      throw new VerificationException(
          Reason.AHT_CONSISTENCY,
          "consistency proof does not lead to the new root",
          proof,
          rootJ,
          c.newRoot());
    }
  }

  /**
   * The old and new roots that a non-empty consistency proof from size {@code i} to size {@code j}
   * implies (spec v1 §6.4 steps 3–5). Requires {@code 1 ≤ i ≤ j} and a non-empty proof.
   */
  public static ConsistencyRoots rootsFromConsistency(
      List<Sha256Digest> proof, long i, long j, Sha256Hasher h) {
    if (i < 1 || i > j || proof.isEmpty()) {
      throw new IllegalArgumentException(
          "requires 1 <= i <= j and a non-empty proof, got i=" + i + " j=" + j);
    }
    long f = i - 1;
    long s = j - 1;
    while (f % 2 == 1) {
      f >>= 1;
      s >>= 1;
    }
    Sha256Digest ci = proof.get(0);
    Sha256Digest cj = ci;
    for (int x = 1; x < proof.size(); x++) {
      Sha256Digest t = proof.get(x);
      if (f % 2 == 1 || f == s) {
        ci = h.node(t, ci);
        cj = h.node(t, cj);
        while (f % 2 == 0 && f != 0) {
          f >>= 1;
          s >>= 1;
        }
      } else {
        cj = h.node(cj, t);
      }
      f >>= 1;
      s >>= 1;
    }
    return new ConsistencyRoots(ci, cj);
  }

  /**
   * Checks that {@code alhJ} is the last leaf of the tree of size {@code j} with root {@code rootJ}
   * (spec v1 §6.5). Rejects {@code j < 1}.
   *
   * @throws VerificationException {@code MALFORMED_PROOF} for a bad size or a wrong term count,
   *     {@code AHT_LAST_INCLUSION} if the proof does not lead to {@code rootJ}
   */
  public static void verifyLastInclusion(
      List<Sha256Digest> proof, long j, Sha256Digest alhJ, Sha256Digest rootJ)
      throws VerificationException {
    Objects.requireNonNull(alhJ, "alhJ");
    Objects.requireNonNull(rootJ, "rootJ");
    if (proof == null || j < 1) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF, "malformed last-inclusion proof for " + j, proof, null, null);
    }
    checkLength(proof, AuditPath.length(j - 1, j - 1), "last-inclusion", j, j);
    Sha256Digest c = rootFromLastInclusion(proof, alhJ, Sha256Hasher.create());
    if (!c.equals(rootJ)) {
      throw new VerificationException(
          Reason.AHT_LAST_INCLUSION, "last-inclusion proof of " + j + " fails", proof, rootJ, c);
    }
  }

  /** The root a last-inclusion proof of {@code LEAF(alhJ)} implies (spec v1 §6.5). */
  public static Sha256Digest rootFromLastInclusion(
      List<Sha256Digest> proof, Sha256Digest alhJ, Sha256Hasher h) {
    Sha256Digest c = h.leaf(alhJ);
    for (Sha256Digest t : proof) {
      c = h.node(t, c);
    }
    return c;
  }

  /** Terms of {@code CONS(i, j)} as {@link AhtProofs#consistency} builds it. */
  static int consistencyLength(long i, long j) {
    if (i == j) {
      return j == 1 ? 0 : 2;
    }
    int n = 1; // the leading old-tree subtree root
    long m = i;
    long size = j;
    while (m != size) {
      long k = AhtProofs.largestPowerOfTwoBelow(size);
      if (m <= k) {
        size = k;
      } else {
        m -= k;
        size -= k;
      }
      n++;
    }
    return n;
  }

  private static void checkLength(List<Sha256Digest> proof, int want, String kind, long i, long j)
      throws VerificationException {
    if (proof.size() != want) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF,
          kind + " proof for (" + i + ", " + j + ") needs " + want + " terms, got " + proof.size(),
          proof,
          null,
          null);
    }
  }
}
