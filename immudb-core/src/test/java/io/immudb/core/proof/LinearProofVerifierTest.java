package io.immudb.core.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.reference.ProofMutations;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LinearProofVerifierTest {
  private final InMemoryTxChain c = InMemoryTxChain.random(12, 12);

  @Test
  void acceptsEveryLinearProofOfTheChain() throws Exception {
    for (long s = 1; s <= 12; s++) {
      for (long t = s; t <= 12; t++) {
        LinearProofVerifier.verify(ProofBuilder.linearProof(c, s, t), s, t, c.alh(s), c.alh(t));
      }
    }
  }

  @Test
  void rejectRulesOfSection7_1() {
    LinearProof p = ProofBuilder.linearProof(c, 3, 6);
    expect(Reason.TX_ID_MISMATCH, () -> LinearProofVerifier.verify(p, 2, 6, c.alh(3), c.alh(6)));
    expect(Reason.TX_ID_MISMATCH, () -> LinearProofVerifier.verify(p, 3, 7, c.alh(3), c.alh(6)));
    expect(
        Reason.MALFORMED_PROOF, () -> LinearProofVerifier.verify(null, 3, 6, c.alh(3), c.alh(6)));
    LinearProof zero = new LinearProof(0, 6, p.terms());
    expect(
        Reason.MALFORMED_PROOF, () -> LinearProofVerifier.verify(zero, 0, 6, c.alh(3), c.alh(6)));
    LinearProof backwards = new LinearProof(6, 3, p.terms());
    expect(
        Reason.MALFORMED_PROOF,
        () -> LinearProofVerifier.verify(backwards, 6, 3, c.alh(6), c.alh(3)));
    LinearProof empty = new LinearProof(3, 6, List.of());
    expect(
        Reason.MALFORMED_PROOF, () -> LinearProofVerifier.verify(empty, 3, 6, c.alh(3), c.alh(6)));
    expect(Reason.LINEAR, () -> LinearProofVerifier.verify(p, 3, 6, c.alh(4), c.alh(6)));
    expect(Reason.LINEAR, () -> LinearProofVerifier.verify(p, 3, 6, c.alh(3), c.alh(7)));
  }

  /**
   * The linear-fake shapes: a term list that runs past the target, or stops short of it, folds to
   * another transaction's Alh. A server that claims that Alh for the target id (as a bare state,
   * with no header to recompute it from) is caught only by the term count of step 3.
   */
  @Test
  void termCountDefeatsExtendedAndTruncatedLists() {
    Sha256Hasher h = Sha256Hasher.create();
    LinearProof extended = new LinearProof(3, 6, ProofBuilder.linearProof(c, 3, 8).terms());
    assertThat(LinearProofVerifier.rootFromLinear(extended.terms(), 3, h)).isEqualTo(c.alh(8));
    expect(
        Reason.MALFORMED_PROOF,
        () -> LinearProofVerifier.verify(extended, 3, 6, c.alh(3), c.alh(8)));

    LinearProof truncated = new LinearProof(3, 6, ProofBuilder.linearProof(c, 3, 5).terms());
    assertThat(LinearProofVerifier.rootFromLinear(truncated.terms(), 3, h)).isEqualTo(c.alh(5));
    expect(
        Reason.MALFORMED_PROOF,
        () -> LinearProofVerifier.verify(truncated, 3, 6, c.alh(3), c.alh(5)));
  }

  @Test
  void everyTermMatters() {
    LinearProof p = ProofBuilder.linearProof(c, 2, 9);
    for (int k = 0; k < p.terms().size(); k++) {
      List<Sha256Digest> m = new ArrayList<>(p.terms());
      m.set(k, ProofMutations.flipBit(m.get(k), 77));
      LinearProof mutated = new LinearProof(2, 9, m);
      expect(Reason.LINEAR, () -> LinearProofVerifier.verify(mutated, 2, 9, c.alh(2), c.alh(9)));
    }
  }

  private static void expect(Reason reason, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
