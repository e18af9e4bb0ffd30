package io.immudb.core.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.tx.TxHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProofBuilderTest {
  private final InMemoryTxChain chain = InMemoryTxChain.random(12, 5);

  @Test
  void linearProofIsSourceAlhThenInnerHashes() {
    LinearProof p = ProofBuilder.linearProof(chain, 4, 8);
    List<Sha256Digest> want = new ArrayList<>();
    want.add(chain.alh(4));
    for (long id = 5; id <= 8; id++) {
      want.add(chain.header(id).innerHash());
    }
    assertThat(p).isEqualTo(new LinearProof(4, 8, want));
    assertThat(ProofBuilder.linearProof(chain, 6, 6).terms()).containsExactly(chain.alh(6));
  }

  @Test
  void linearProofRequiresOrderedPositiveIds() {
    assertThatThrownBy(() -> ProofBuilder.linearProof(chain, 0, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProofBuilder.linearProof(chain, 4, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dualProofRequiresSourceNotAfterTarget() {
    assertThatThrownBy(() -> ProofBuilder.dualProof(chain, chain.header(5), chain.header(4)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dualProofOfTheFirstTxHasZeroTargetBlTxAlh() throws Exception {
    DualProof p = ProofBuilder.dualProof(chain, chain.header(1), chain.header(1));
    assertThat(p.targetBlTxAlh()).isEqualTo(Sha256Digest.ZERO);
    assertThat(p.inclusionProof()).isEmpty();
    assertThat(p.consistencyProof()).isEmpty();
    assertThat(p.lastInclusionProof()).isEmpty();
    assertThat(p.linearProof().terms()).containsExactly(chain.alh(1));
    DualProofVerifier.verify(p, 1, 1, chain.alh(1), chain.alh(1));
  }

  @Test
  void shapesFollowTheSynchronousLinkingTable() {
    // spec v1 §7.2 table: S < T − 1 has INCL(S, T−1), CONS(S−1, T−1), LAST(T−1), 2 linear terms.
    DualProof p = ProofBuilder.dualProof(chain, chain.header(3), chain.header(9));
    assertThat(p.inclusionProof()).isNotEmpty();
    assertThat(p.consistencyProof()).isNotEmpty();
    assertThat(p.lastInclusionProof()).isNotEmpty();
    assertThat(p.targetBlTxAlh()).isEqualTo(chain.alh(8));
    assertThat(p.linearProof()).isEqualTo(ProofBuilder.linearProof(chain, 8, 9));
  }

  @Test
  void asynchronousLinkingYieldsLongerLinearParts() {
    InMemoryTxChain c = new InMemoryTxChain();
    Random rnd = new Random(3);
    for (int id = 1; id <= 6; id++) {
      c.commit(InMemoryTxChain.randomEntries(rnd, 1), id, Math.max(0, id - 3));
    }
    TxHeader t = c.header(6);
    DualProof p = ProofBuilder.dualProof(c, c.header(2), t);
    assertThat(p.linearProof()).isEqualTo(ProofBuilder.linearProof(c, 3, 6));
    assertThat(p.inclusionProof())
        .isEqualTo(io.immudb.core.ahtree.AhtProofs.inclusion(c.aht(), 2, 3));
  }

  @Test
  void recordsCopyTheirLists() {
    List<Sha256Digest> terms = new ArrayList<>(List.of(Sha256Digest.ZERO));
    LinearProof lp = new LinearProof(1, 1, terms);
    terms.add(Sha256Digest.EMPTY);
    assertThat(lp.terms()).hasSize(1);
    DualProof dp = new DualProof(null, null, terms, null, null, terms, lp);
    terms.clear();
    assertThat(dp.inclusionProof()).hasSize(2);
    assertThat(dp.consistencyProof()).isNull();
  }
}
