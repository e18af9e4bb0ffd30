package io.immudb.core.proof;

import io.immudb.core.ahtree.AhtVerifier;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.tx.TxHeader;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a dual proof as the client does (spec v1 §7.3), strictly.
 *
 * <p>Thread-safe (stateless). On top of the nine steps of §7.3 this verifier rejects, as {@code
 * MALFORMED_PROOF}:
 *
 * <ul>
 *   <li>a missing ({@code null}) part, where the node client would never settle;
 *   <li>a non-empty list for a check that §7.3 skips, and a {@code targetBlTxAlh} other than {@code
 *       Z32} when {@code target.blTxId = 0} (what §7.2 says a server sends there);
 *   <li>AHT and linear sub-proofs with a non-canonical number of terms ({@link AhtVerifier}, {@link
 *       LinearProofVerifier}).
 * </ul>
 *
 * <p>It also guards against the linear-fake attack (codenotary/immudb {@code
 * docs/security/vulnerabilities/linear-fake}, fixed upstream by a {@code LinearAdvance} proof that
 * v1.1.0 does not have). The attack needs linear chains longer than one step outside the AHT, which
 * a server with synchronous linking ({@code blTxId = id − 1}, spec v1 §5.1) never produces. So this
 * verifier rejects, as {@code LINEAR}:
 *
 * <ul>
 *   <li>a linear part of more than two terms: {@code targetId − max(sourceId, target.blTxId) > 1};
 *   <li>a source whose own linear part, now consumed by the target's tree, spans more than one
 *       step: {@code min(sourceId, target.blTxId) − source.blTxId > 1}.
 * </ul>
 *
 * Every proof that {@link ProofBuilder} builds over a synchronously linked chain passes both.
 */
public final class DualProofVerifier {
  private DualProofVerifier() {}

  /**
   * Checks that {@code p} proves the transaction {@code (targetId, targetAlh)} extends {@code
   * (sourceId, sourceAlh)}.
   *
   * @throws VerificationException with the reason of the first failed check
   */
  public static void verify(
      DualProof p, long sourceId, long targetId, Sha256Digest sourceAlh, Sha256Digest targetAlh)
      throws VerificationException {
    Objects.requireNonNull(sourceAlh, "sourceAlh");
    Objects.requireNonNull(targetAlh, "targetAlh");
    try {
      check(p, sourceId, targetId, sourceAlh, targetAlh);
    } catch (VerificationException e) {
      if (sourceId < 0 || targetId < 0) {
        throw e;
      }
      // The evidence: the state the caller trusted and the one the proof claimed to reach.
      throw e.withStates(
          new io.immudb.core.state.ImmuState("", sourceId, sourceAlh),
          new io.immudb.core.state.ImmuState("", targetId, targetAlh));
    }
  }

  private static void check(
      DualProof p, long sourceId, long targetId, Sha256Digest sourceAlh, Sha256Digest targetAlh)
      throws VerificationException {
    requireComplete(p);
    TxHeader source = p.sourceTxHeader();
    TxHeader target = p.targetTxHeader();
    if (source.id() != sourceId || target.id() != targetId) {
      throw new VerificationException(
          Reason.TX_ID_MISMATCH,
          "dual proof is for "
              + source.id()
              + " -> "
              + target.id()
              + ", expected "
              + sourceId
              + " -> "
              + targetId,
          p,
          null,
          null);
    }
    if (sourceId < 1 || sourceId > targetId) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF, "requires 0 < sourceId <= targetId", p, null, null);
    }
    Sha256Hasher h = Sha256Hasher.create();
    requireAlh(source, sourceAlh, h, p, "source");
    requireAlh(target, targetAlh, h, p, "target");

    long blTxId = target.blTxId();
    if (sourceId < blTxId) {
      AhtVerifier.verifyInclusion(p.inclusionProof(), sourceId, blTxId, sourceAlh, target.blRoot());
    } else {
      requireEmpty(p.inclusionProof(), "inclusion", p);
    }
    if (source.blTxId() > 0) {
      AhtVerifier.verifyConsistency(
          p.consistencyProof(), source.blTxId(), blTxId, source.blRoot(), target.blRoot());
    } else {
      requireEmpty(p.consistencyProof(), "consistency", p);
    }
    if (blTxId > 0) {
      AhtVerifier.verifyLastInclusion(
          p.lastInclusionProof(), blTxId, p.targetBlTxAlh(), target.blRoot());
    } else {
      requireEmpty(p.lastInclusionProof(), "last-inclusion", p);
      if (!p.targetBlTxAlh().equals(Sha256Digest.ZERO)) {
        throw new VerificationException(
            Reason.MALFORMED_PROOF,
            "targetBlTxAlh must be zero when target.blTxId = 0",
            p,
            Sha256Digest.ZERO,
            p.targetBlTxAlh());
      }
    }
    if (sourceId < blTxId) {
      LinearProofVerifier.verify(p.linearProof(), blTxId, targetId, p.targetBlTxAlh(), targetAlh);
    } else {
      LinearProofVerifier.verify(p.linearProof(), sourceId, targetId, sourceAlh, targetAlh);
    }
    guardLinearFake(p, source, target);
  }

  private static void guardLinearFake(DualProof p, TxHeader source, TxHeader target)
      throws VerificationException {
    long linearSteps = target.id() - Math.max(source.id(), target.blTxId());
    if (linearSteps > 1) {
      throw new VerificationException(
          Reason.LINEAR,
          "linear-fake guard: linear part spans "
              + linearSteps
              + " transactions outside the AHT; only synchronous linking is accepted",
          p,
          null,
          null);
    }
    long consumed = Math.min(source.id(), target.blTxId()) - source.blTxId();
    if (consumed > 1) {
      throw new VerificationException(
          Reason.LINEAR,
          "linear-fake guard: the source's linear part of "
              + consumed
              + " transactions was never checked against the AHT",
          p,
          null,
          null);
    }
  }

  private static void requireComplete(DualProof p) throws VerificationException {
    if (p == null
        || p.sourceTxHeader() == null
        || p.targetTxHeader() == null
        || p.inclusionProof() == null
        || p.consistencyProof() == null
        || p.targetBlTxAlh() == null
        || p.lastInclusionProof() == null
        || p.linearProof() == null) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF, "dual proof is missing a part", p, null, null);
    }
  }

  private static void requireAlh(
      TxHeader header, Sha256Digest expected, Sha256Hasher h, DualProof p, String which)
      throws VerificationException {
    Sha256Digest alh = header.alh(h);
    if (!alh.equals(expected)) {
      throw new VerificationException(
          Reason.ALH_MISMATCH,
          which + " header does not hash to the expected Alh",
          p,
          expected,
          alh);
    }
  }

  private static void requireEmpty(List<Sha256Digest> part, String name, DualProof p)
      throws VerificationException {
    if (!part.isEmpty()) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF,
          name + " proof must be empty here, has " + part.size() + " terms",
          p,
          null,
          null);
    }
  }
}
