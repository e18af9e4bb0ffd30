package io.immudb.core.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.ahtree.AhtVerifier;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.DualProofMutations.Check;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.tx.TxHeader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DualProofVerifierTest {
  private final InMemoryTxChain c = InMemoryTxChain.random(12, 1);

  private Check check(long s, long t) {
    return new Check(ProofBuilder.dualProof(c, c.header(s), c.header(t)), s, t, c.alh(s), c.alh(t));
  }

  private static VerificationException reject(Check k) {
    try {
      DualProofVerifier.verify(k.proof(), k.sourceId(), k.targetId(), k.sourceAlh(), k.targetAlh());
    } catch (VerificationException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aRejectionCarriesTheTrustedAndTheClaimedState() {
    Map<String, Check> m = DualProofMutations.all(check(3, 9), new int[] {0});
    VerificationException e = reject(m.get("consistencyProof[0]-bit-@0"));
    assertThat(e.trustedState())
        .get()
        .satisfies(
            s -> {
              assertThat(s.txId()).isEqualTo(3);
              assertThat(s.txHash()).isEqualTo(c.alh(3));
            });
    assertThat(e.newState())
        .get()
        .satisfies(
            s -> {
              assertThat(s.txId()).isEqualTo(9);
              assertThat(s.txHash()).isEqualTo(c.alh(9));
            });
    assertThat(e.proof()).isPresent();
    assertThat(e.reason()).isEqualTo(Reason.AHT_CONSISTENCY);
  }

  @Test
  void reasonsOfTypicalMutations() {
    Map<String, Check> m = DualProofMutations.all(check(3, 9), new int[] {0});
    assertThat(reject(m.get("missing-proof")).reason()).isEqualTo(Reason.MALFORMED_PROOF);
    assertThat(reject(m.get("sourceTxHeader-missing")).reason()).isEqualTo(Reason.MALFORMED_PROOF);
    assertThat(reject(m.get("linearProof-missing")).reason()).isEqualTo(Reason.MALFORMED_PROOF);
    assertThat(reject(m.get("sourceId-plus-1")).reason()).isEqualTo(Reason.TX_ID_MISMATCH);
    assertThat(reject(m.get("target-ts")).reason()).isEqualTo(Reason.ALH_MISMATCH);
    assertThat(reject(m.get("target-ts-consistent-alh")).reason()).isEqualTo(Reason.LINEAR);
    assertThat(reject(m.get("source-blRoot-consistent-alh")).reason())
        .isEqualTo(Reason.AHT_INCLUSION);
    assertThat(reject(m.get("inclusionProof[0]-bit-@0")).reason()).isEqualTo(Reason.AHT_INCLUSION);
    assertThat(reject(m.get("consistencyProof[0]-bit-@0")).reason())
        .isEqualTo(Reason.AHT_CONSISTENCY);
    assertThat(reject(m.get("lastInclusionProof[0]-bit-@0")).reason())
        .isEqualTo(Reason.AHT_LAST_INCLUSION);
    assertThat(reject(m.get("targetBlTxAlh-bit-@0")).reason()).isEqualTo(Reason.AHT_LAST_INCLUSION);
    assertThat(reject(m.get("linearProof-appended")).reason()).isEqualTo(Reason.MALFORMED_PROOF);
  }

  @Test
  void partsThatTheSpecSkipsMustBeEmpty() {
    Check k = check(8, 9); // S = T − 1: no inclusion proof
    DualProof p = k.proof();
    DualProof extra =
        new DualProof(
            p.sourceTxHeader(),
            p.targetTxHeader(),
            List.of(Sha256Digest.EMPTY),
            p.consistencyProof(),
            p.targetBlTxAlh(),
            p.lastInclusionProof(),
            p.linearProof());
    assertThat(reject(new Check(extra, 8, 9, k.sourceAlh(), k.targetAlh())).reason())
        .isEqualTo(Reason.MALFORMED_PROOF);

    Check first = check(1, 1);
    DualProof q = first.proof();
    DualProof nonZero =
        new DualProof(
            q.sourceTxHeader(),
            q.targetTxHeader(),
            q.inclusionProof(),
            q.consistencyProof(),
            Sha256Digest.EMPTY,
            q.lastInclusionProof(),
            q.linearProof());
    assertThat(reject(new Check(nonZero, 1, 1, first.sourceAlh(), first.targetAlh())).reason())
        .isEqualTo(Reason.MALFORMED_PROOF);
  }

  @Test
  void sameSizeConsistencyMayBeEmpty() throws Exception {
    Check k = check(7, 7);
    DualProof p = k.proof();
    assertThat(p.consistencyProof()).hasSize(2);
    DualProof empty =
        new DualProof(
            p.sourceTxHeader(),
            p.targetTxHeader(),
            p.inclusionProof(),
            List.of(),
            p.targetBlTxAlh(),
            p.lastInclusionProof(),
            p.linearProof());
    DualProofVerifier.verify(empty, 7, 7, k.sourceAlh(), k.targetAlh());
  }

  @Test
  void linearFakeStep1IsStoppedOnlyByTheGuard() throws Exception {
    Check k = new LinearFakeScenario(11).step1();
    DualProof p = k.proof();
    TxHeader s = p.sourceTxHeader();
    TxHeader t = p.targetTxHeader();
    // Everything the spec checks holds...
    assertThat(p.inclusionProof()).isEmpty();
    AhtVerifier.verifyConsistency(
        p.consistencyProof(), s.blTxId(), t.blTxId(), s.blRoot(), t.blRoot());
    AhtVerifier.verifyLastInclusion(
        p.lastInclusionProof(), t.blTxId(), p.targetBlTxAlh(), t.blRoot());
    LinearProofVerifier.verify(p.linearProof(), 3, 6, k.sourceAlh(), k.targetAlh());
    assertThat(p.linearProof().terms()).hasSize(4);
    // ...but the linear part runs three transactions outside the tree.
    VerificationException e = reject(k);
    assertThat(e.reason()).isEqualTo(Reason.LINEAR);
    assertThat(e.getMessage()).contains("linear-fake guard");
  }

  @Test
  void linearFakeStep2IsStoppedOnlyByTheGuard() throws Exception {
    Check k = new LinearFakeScenario(11).step2();
    DualProof p = k.proof();
    TxHeader s = p.sourceTxHeader();
    TxHeader t = p.targetTxHeader();
    AhtVerifier.verifyInclusion(p.inclusionProof(), 6, t.blTxId(), k.sourceAlh(), t.blRoot());
    AhtVerifier.verifyConsistency(
        p.consistencyProof(), s.blTxId(), t.blTxId(), s.blRoot(), t.blRoot());
    AhtVerifier.verifyLastInclusion(
        p.lastInclusionProof(), t.blTxId(), p.targetBlTxAlh(), t.blRoot());
    LinearProofVerifier.verify(p.linearProof(), 8, 9, p.targetBlTxAlh(), k.targetAlh());
    VerificationException e = reject(k);
    assertThat(e.reason()).isEqualTo(Reason.LINEAR);
    assertThat(e.getMessage()).contains("linear-fake guard");
  }
}
