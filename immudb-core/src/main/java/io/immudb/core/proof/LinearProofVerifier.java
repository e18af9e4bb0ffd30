package io.immudb.core.proof;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.tx.TxHeader;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a linear proof (spec v1 §7.1), including the term-count check that only the Go verifier
 * makes (step 3).
 *
 * <p>Thread-safe (stateless). The term count matters when the target Alh does not come from a
 * header with the target id (a bare state, say): without it, a proof that runs past the target, or
 * stops short of it, could "prove" that the target id has the Alh of another transaction. See the
 * {@code linear-fake} test vectors.
 */
public final class LinearProofVerifier {
  private LinearProofVerifier() {}

  /**
   * Checks that {@code p} leads from {@code (sourceId, sourceAlh)} to {@code (targetId,
   * targetAlh)}. Requires nothing of the arguments: every bad value is a rejection.
   *
   * @throws VerificationException {@code TX_ID_MISMATCH} if the proof names other ids, {@code
   *     MALFORMED_PROOF} for bad ids or a wrong term count, {@code LINEAR} if the chain does not
   *     start at {@code sourceAlh} or does not end at {@code targetAlh}
   */
  public static void verify(
      LinearProof p, long sourceId, long targetId, Sha256Digest sourceAlh, Sha256Digest targetAlh)
      throws VerificationException {
    Objects.requireNonNull(sourceAlh, "sourceAlh");
    Objects.requireNonNull(targetAlh, "targetAlh");
    if (p == null) {
      throw new VerificationException(Reason.MALFORMED_PROOF, "missing linear proof");
    }
    if (p.sourceTxId() != sourceId || p.targetTxId() != targetId) {
      throw new VerificationException(
          Reason.TX_ID_MISMATCH,
          "linear proof is for "
              + p.sourceTxId()
              + ".."
              + p.targetTxId()
              + ", expected "
              + sourceId
              + ".."
              + targetId,
          p,
          null,
          null);
    }
    List<Sha256Digest> terms = p.terms();
    if (sourceId < 1 || sourceId > targetId || terms.isEmpty()) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF,
          "malformed linear proof " + sourceId + ".." + targetId,
          p,
          null,
          null);
    }
    if (!terms.get(0).equals(sourceAlh)) {
      throw new VerificationException(
          Reason.LINEAR,
          "linear proof does not start at the source Alh",
          p,
          sourceAlh,
          terms.get(0));
    }
    if (terms.size() - 1L != targetId - sourceId) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF,
          "linear proof "
              + sourceId
              + ".."
              + targetId
              + " needs "
              + (targetId - sourceId + 1)
              + " terms, got "
              + terms.size(),
          p,
          null,
          null);
    }
    Sha256Digest acc = rootFromLinear(terms, sourceId, Sha256Hasher.create());
    if (!acc.equals(targetAlh)) {
      throw new VerificationException(
          Reason.LINEAR, "linear proof does not lead to the target Alh", p, targetAlh, acc);
    }
  }

  /**
   * Folds linear proof terms into the Alh they lead to (spec v1 §7.1 step 4): {@code acc =
   * terms[0]}, then {@code acc = H(u64(sourceId + k) ‖ acc ‖ terms[k])}. Requires a non-empty list.
   */
  public static Sha256Digest rootFromLinear(
      List<Sha256Digest> terms, long sourceId, Sha256Hasher h) {
    Sha256Digest acc = terms.get(0);
    for (int k = 1; k < terms.size(); k++) {
      acc = TxHeader.alhOf(h, sourceId + k, acc, terms.get(k));
    }
    return acc;
  }
}
