package io.immudb.core.proof;

import static org.assertj.core.api.Assertions.fail;

import io.immudb.core.proof.DualProofMutations.Check;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Dual proofs for every {@code 1 ≤ s ≤ t ≤ 20} over a generated, synchronously linked chain
 * (exhaustive over {@code t}; each try covers every {@code s}): each verifies, and each mutation of
 * {@link DualProofMutations} is rejected.
 */
class DualProofProperties {
  private static final InMemoryTxChain CHAIN = InMemoryTxChain.random(20, 20);
  private static final InMemoryTxChain LONG_CHAIN = InMemoryTxChain.random(200, 200);

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void everyPairVerifiesAndEveryMutationFails(@ForAll @IntRange(min = 1, max = 20) int t)
      throws Exception {
    Random rnd = new Random(t);
    for (int s = 1; s <= t; s++) {
      DualProof p = ProofBuilder.dualProof(CHAIN, CHAIN.header(s), CHAIN.header(t));
      DualProofVerifier.verify(p, s, t, CHAIN.alh(s), CHAIN.alh(t));
      int[] bits = {0, 255, 8 + rnd.nextInt(240)};
      Check valid = new Check(p, s, t, CHAIN.alh(s), CHAIN.alh(t));
      for (Map.Entry<String, Check> m : DualProofMutations.all(valid, bits).entrySet()) {
        Check c = m.getValue();
        try {
          DualProofVerifier.verify(
              c.proof(), c.sourceId(), c.targetId(), c.sourceAlh(), c.targetAlh());
          fail("DUAL(%d,%d) accepted mutation %s", s, t, m.getKey());
        } catch (VerificationException expected) {
          // rejected, as it must be
        }
      }
    }
  }

  @Property(tries = 20, seed = "99")
  void proofsFromALongerChainVerify(
      @ForAll @IntRange(min = 1, max = 200) int s, @ForAll @IntRange(min = 0, max = 100) int d)
      throws Exception {
    int t = Math.min(200, s + d);
    InMemoryTxChain c = LONG_CHAIN;
    DualProofVerifier.verify(
        ProofBuilder.dualProof(c, c.header(s), c.header(t)), s, t, c.alh(s), c.alh(t));
  }
}
