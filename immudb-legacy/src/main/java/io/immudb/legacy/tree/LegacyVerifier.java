package io.immudb.legacy.tree;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks v0.8 proofs the way immudb4j 0.1.8 does (spec v0.8 §2.3): the bottom-up inclusion loop and
 * the RFC 9162 consistency verifier in 0-based "last index" terms. Used by the consistency checker
 * and the tests, so that what the server sends is checked by the same rules its clients apply.
 *
 * <p>Thread-safe (stateless).
 */
public final class LegacyVerifier {
  private LegacyVerifier() {}

  /**
   * Checks that {@code leaf} at {@code index} leads through {@code path} to {@code root}, the root
   * of the tree whose last index is {@code at}.
   *
   * @throws VerificationException {@code MALFORMED_PROOF} or {@code AHT_INCLUSION}
   */
  public static void verifyInclusion(
      long index, long at, Sha256Digest leaf, List<Sha256Digest> path, Sha256Digest root)
      throws VerificationException {
    if (index < 0 || index > at || (at > 0 && path.isEmpty())) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF, "inclusion proof of " + index + " at " + at + " is malformed");
    }
    Sha256Hasher h = Sha256Hasher.create();
    long i = index;
    long a = at;
    Sha256Digest acc = leaf;
    for (Sha256Digest p : path) {
      acc = (i % 2 == 0 && i != a) ? h.node(acc, p) : h.node(p, acc);
      i /= 2;
      a /= 2;
    }
    if (i != a || !acc.equals(root)) {
      throw new VerificationException(
          Reason.AHT_INCLUSION, "inclusion proof does not verify", path, root, acc);
    }
  }

  /**
   * Checks that the tree {@code (second, secondRoot)} extends {@code (first, firstRoot)} through
   * {@code path}.
   *
   * @throws VerificationException {@code MALFORMED_PROOF} or {@code AHT_CONSISTENCY}
   */
  public static void verifyConsistency(
      long first,
      Sha256Digest firstRoot,
      long second,
      Sha256Digest secondRoot,
      List<Sha256Digest> path)
      throws VerificationException {
    if (first == second && firstRoot.equals(secondRoot) && path.isEmpty()) {
      return;
    }
    if (first >= second || path.isEmpty()) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF,
          "consistency proof from " + first + " to " + second + " is malformed");
    }
    List<Sha256Digest> q = new ArrayList<>(path.size() + 1);
    if (Long.bitCount(first + 1) == 1) {
      q.add(firstRoot);
    }
    q.addAll(path);
    long fn = first;
    long sn = second;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    Sha256Hasher h = Sha256Hasher.create();
    Sha256Digest fr = q.get(0);
    Sha256Digest sr = q.get(0);
    for (Sha256Digest c : q.subList(1, q.size())) {
      if (sn == 0) {
        throw new VerificationException(
            Reason.AHT_CONSISTENCY, "consistency proof is too long", path, null, null);
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = h.node(c, fr);
        sr = h.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = h.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (!fr.equals(firstRoot) || !sr.equals(secondRoot) || sn != 0) {
      throw new VerificationException(
          Reason.AHT_CONSISTENCY, "consistency proof does not verify", path, secondRoot, sr);
    }
  }
}
