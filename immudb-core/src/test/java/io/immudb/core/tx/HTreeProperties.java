package io.immudb.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.reference.ProofMutations;
import io.immudb.core.reference.ReferenceMerkle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The transaction tree against the RFC 6962 reference: exhaustively for widths 1..64 and every leaf
 * (build, proof, verify, and every mutation rejected), then fuzzed on larger widths.
 */
class HTreeProperties {

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void everyLeafOfSmallTreesProvesAndMutationsFail(@ForAll @IntRange(min = 1, max = 64) int width)
      throws Exception {
    Random rnd = new Random(1000 + width);
    Sha256Hasher h = Sha256Hasher.create();
    List<Sha256Digest> digests = randomDigests(rnd, width);
    List<Sha256Digest> leaves = digests.stream().map(ReferenceMerkle::leafHash).toList();
    HTree t = HTree.build(digests, h);
    Sha256Digest eh = t.root();
    assertThat(eh).isEqualTo(ReferenceMerkle.mth(leaves));
    for (int leaf = 0; leaf < width; leaf++) {
      InclusionProof p = t.inclusionProof(leaf);
      Sha256Digest d = digests.get(leaf);
      assertThat(p.terms()).isEqualTo(ReferenceMerkle.path(leaf, leaves));
      HTree.verifyInclusion(p, d, eh, h);

      for (Map.Entry<String, List<Sha256Digest>> m :
          ProofMutations.bitFlips(p.terms(), rnd).entrySet()) {
        InclusionProof mutated = new InclusionProof(leaf, width, m.getValue());
        if (HTree.rootFromInclusion(mutated, d, h).equals(eh)) {
          fail("mutated proof (" + m.getKey() + ") still leads to eH");
        }
        if (ProofMutations.viaVerifier(m.getKey())) {
          assertRejected(m.getKey(), mutated, d, eh);
        }
      }
      for (Map.Entry<String, List<Sha256Digest>> m :
          ProofMutations.structural(p.terms(), rnd).entrySet()) {
        assertRejected(m.getKey(), new InclusionProof(leaf, width, m.getValue()), d, eh);
      }
      for (int other : new int[] {leaf - 1, leaf + 1}) {
        if (other >= 0 && other < width) {
          assertRejected("leaf " + other, new InclusionProof(other, width, p.terms()), d, eh);
        }
      }
      for (long w : new long[] {width + 1L, width - 1L, 2L * width, width / 2}) {
        if (w <= leaf) {
          continue; // not a proof the record can even hold
        }
        boolean want = ReferenceMerkle.inclusionHolds(p.terms(), leaf, w, leaves.get(leaf), eh);
        assertVerdict("width " + w, new InclusionProof(leaf, (int) w, p.terms()), d, eh, want);
        if (!ReferenceMerkle.pathShape(leaf, w).equals(ReferenceMerkle.pathShape(leaf, width))) {
          assertThat(want).as("a different path shape can never verify").isFalse();
        }
      }
      assertRejected("wrong leaf", p, ProofMutations.flipBit(d, leaf % 256), eh);
      assertRejected("other leaf", p, digests.get((leaf + 1) % width), eh, width > 1);
      assertRejected("wrong eH", p, d, ProofMutations.flipBit(eh, 7));
    }
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void aTrimmedTreeGivesTheFullTreesProofs(
      @ForAll @IntRange(min = 1, max = 70) int width,
      @ForAll @IntRange(min = 0, max = 8) int base) {
    Random rnd = new Random(2000 + width);
    Sha256Hasher h = Sha256Hasher.create();
    List<Sha256Digest> digests = randomDigests(rnd, width);
    HTree full = HTree.build(digests, h);
    HTree trimmed = full.trimmed(base);
    assertThat(trimmed.root()).isEqualTo(full.root());
    assertThat(trimmed.width()).isEqualTo(width);
    assertThat(trimmed.nodeBytes()).isLessThanOrEqualTo(full.nodeBytes());
    int block = 1 << base;
    for (int leaf = 0; leaf < width; leaf++) {
      int from = leaf & -block;
      List<Integer> asked = new ArrayList<>();
      InclusionProof p =
          trimmed.inclusionProof(
              leaf,
              i -> {
                asked.add(i);
                return digests.get(i);
              },
              h);
      assertThat(p).isEqualTo(full.inclusionProof(leaf));
      // only the leaf's own aligned block is recomputed
      assertThat(asked).allMatch(i -> i >= from && i < from + block);
    }
    if (trimmed != full) {
      assertThatThrownBy(() -> trimmed.inclusionProof(0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("trimmed");
    }
  }

  @Property(tries = 25, seed = "42")
  void largerTreesMatchReference(
      @ForAll @IntRange(min = 65, max = 1100) int width, @ForAll @IntRange(min = 0) int leafSeed)
      throws Exception {
    Random rnd = new Random(leafSeed);
    Sha256Hasher h = Sha256Hasher.create();
    List<Sha256Digest> digests = randomDigests(rnd, width);
    List<Sha256Digest> leaves = digests.stream().map(ReferenceMerkle::leafHash).toList();
    HTree t = HTree.build(digests, h);
    assertThat(t.root()).isEqualTo(ReferenceMerkle.mth(leaves));
    int leaf = rnd.nextInt(width);
    InclusionProof p = t.inclusionProof(leaf);
    assertThat(p.terms()).isEqualTo(ReferenceMerkle.path(leaf, leaves));
    HTree.verifyInclusion(p, digests.get(leaf), t.root(), h);
  }

  static List<Sha256Digest> randomDigests(Random rnd, int n) {
    List<Sha256Digest> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(ProofMutations.randomDigest(rnd));
    }
    return out;
  }

  private static void assertRejected(
      String what, InclusionProof p, Sha256Digest d, Sha256Digest eh) {
    assertRejected(what, p, d, eh, true);
  }

  private static void assertRejected(
      String what, InclusionProof p, Sha256Digest d, Sha256Digest eh, boolean applies) {
    if (applies) {
      assertVerdict(what, p, d, eh, false);
    }
  }

  private static void assertVerdict(
      String what, InclusionProof p, Sha256Digest d, Sha256Digest eh, boolean accept) {
    try {
      HTree.verifyInclusion(p, d, eh);
      if (!accept) {
        fail("accepted mutated proof (" + what + "): " + p);
      }
    } catch (VerificationException e) {
      if (accept) {
        fail("rejected (" + what + ") though the reference accepts: " + e.getMessage());
      }
    }
  }
}
