package io.immudb.core.proof;

import io.immudb.core.proof.DualProofMutations.Check;
import io.immudb.core.tx.TxHeader;
import java.util.Random;

/**
 * The linear-fake attack (codenotary/immudb {@code docs/security/vulnerabilities/linear-fake}) on
 * the chains a malicious server would keep. Our own construction, for tests and vectors.
 *
 * <pre>
 * genuine   1 2 3 4  5  6  7 8 9     synchronous linking
 * forged    1 2 3 4' 5' 6'           4', 5', 6' with blTxId = 3: a 4-term linear part 3 → 6'
 * switched  1 2 3 4  5  6' 7 8 9     the tree later shows genuine 4, 5 next to 6'
 * </pre>
 *
 * Step 1: a client at state 3 accepts 6' through the linear proof {@code [Alh3, inner4', inner5',
 * inner6']}; the content of 4' and 5' is committed only through that chain. Step 2: from state 6'
 * the server proves 9 over the switched tree, whose leaves 4 and 5 are the genuine ones; every AHT
 * check passes, because nothing ties the linear chain 3 → 6' to leaves 4 and 5. From then on the
 * server can serve either history.
 */
public final class LinearFakeScenario {
  private final InMemoryTxChain forged = new InMemoryTxChain();
  private final InMemoryTxChain switched = new InMemoryTxChain();

  /** Builds the three chains from a seed. */
  public LinearFakeScenario(long seed) {
    Random rnd = new Random(seed);
    InMemoryTxChain genuine = new InMemoryTxChain();
    for (int id = 1; id <= 5; id++) {
      genuine.commit(InMemoryTxChain.randomEntries(rnd, 2), 1_700_000_000L + id);
    }
    for (int id = 1; id <= 3; id++) {
      forged.append(genuine.header(id));
    }
    for (int id = 4; id <= 6; id++) {
      forged.commit(InMemoryTxChain.randomEntries(rnd, 1), 1_700_000_000L + id, 3);
    }
    for (int id = 1; id <= 5; id++) {
      switched.append(genuine.header(id));
    }
    switched.append(forged.header(6));
    for (int id = 7; id <= 9; id++) {
      switched.commit(InMemoryTxChain.randomEntries(rnd, 1), 1_700_000_000L + id);
    }
  }

  /** Step 1: {@code DUAL(3 → 6')} over the forged chain. */
  public Check step1() {
    return check(forged, 3, 6);
  }

  /** Step 2: {@code DUAL(6' → 9)} over the switched chain. */
  public Check step2() {
    return check(switched, 6, 9);
  }

  private static Check check(InMemoryTxChain c, long s, long t) {
    TxHeader source = c.header(s);
    TxHeader target = c.header(t);
    return new Check(ProofBuilder.dualProof(c, source, target), s, t, c.alh(s), c.alh(t));
  }
}
