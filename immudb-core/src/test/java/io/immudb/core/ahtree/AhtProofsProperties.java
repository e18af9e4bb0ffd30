package io.immudb.core.ahtree;

import static org.assertj.core.api.Assertions.assertThat;
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
 * AHT proofs against the RFC 6962 reference for every {@code 1 ≤ i ≤ j ≤ 64} (the property runs
 * exhaustively over {@code j}; each try covers every {@code i}), over a tree of 100 random leaves
 * so that every proof is read from a larger tree; then fuzzed on larger sizes.
 *
 * <p>Every proof must equal the reference, verify, and fail once mutated. Size and index mutations
 * are judged by the reference's strict verifier: a proof can stay valid only if its path shape is
 * the same for the mutated sizes (e.g. {@code INCL(1, 3)} read as {@code INCL(1, 4)}).
 */
class AhtProofsProperties {
  private static final int N = 100;
  private static final List<Sha256Digest> ALHS = new ArrayList<>();
  private static final List<Sha256Digest> LEAVES = new ArrayList<>();
  private static final InMemoryAhTree TREE = new InMemoryAhTree();

  static {
    Random rnd = new Random(7);
    for (int i = 0; i < N; i++) {
      Sha256Digest alh = ProofMutations.randomDigest(rnd);
      ALHS.add(alh);
      LEAVES.add(TREE.append(alh));
    }
  }

  private static Sha256Digest alh(long i) {
    return ALHS.get((int) i - 1);
  }

  private static Sha256Digest root(long n) {
    return ReferenceMerkle.mth(LEAVES.subList(0, (int) n));
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void inclusionForEveryPair(@ForAll @IntRange(min = 1, max = 64) int j) throws Exception {
    Random rnd = new Random(j);
    Sha256Hasher h = Sha256Hasher.create();
    Sha256Digest rootJ = root(j);
    for (int i = 1; i <= j; i++) {
      List<Sha256Digest> p = AhtProofs.inclusion(TREE, i, j, h);
      assertThat(p).isEqualTo(ReferenceMerkle.path(i - 1, LEAVES.subList(0, j)));
      AhtVerifier.verifyInclusion(p, i, j, alh(i), rootJ);
      for (Map.Entry<String, List<Sha256Digest>> m : ProofMutations.bitFlips(p, rnd).entrySet()) {
        if (AhtVerifier.rootFromInclusion(m.getValue(), i, j, alh(i), h).equals(rootJ)) {
          fail("INCL(%d,%d) %s still leads to the root", i, j, m.getKey());
        }
        if (ProofMutations.viaVerifier(m.getKey())) {
          expectInclusion(false, m.getKey(), m.getValue(), i, j, alh(i), rootJ);
        }
      }
      for (Map.Entry<String, List<Sha256Digest>> m : ProofMutations.structural(p, rnd).entrySet()) {
        expectInclusion(false, m.getKey(), m.getValue(), i, j, alh(i), rootJ);
      }
      for (long i2 : new long[] {i - 1L, i + 1L}) {
        expectInclusion(false, "index " + i2, p, i2, j, alh(i), rootJ);
      }
      for (long j2 : new long[] {j + 1L, j - 1L, 2L * j, j / 2}) {
        boolean want = ReferenceMerkle.inclusionHolds(p, i - 1L, j2, LEAVES.get(i - 1), rootJ);
        if (j2 >= i
            && !ReferenceMerkle.pathShape(i - 1L, j2)
                .equals(ReferenceMerkle.pathShape(i - 1L, j))) {
          assertThat(want).isFalse();
        }
        expectInclusion(want, "size " + j2, p, i, j2, alh(i), rootJ);
      }
      expectInclusion(false, "wrong leaf", p, i, j, ProofMutations.flipBit(alh(i), i), rootJ);
      if (j > 1) {
        expectInclusion(false, "other leaf", p, i, j, alh(i % j + 1), rootJ);
      }
      expectInclusion(false, "wrong root", p, i, j, alh(i), ProofMutations.flipBit(rootJ, 100));
    }
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void consistencyForEveryPair(@ForAll @IntRange(min = 1, max = 64) int j) throws Exception {
    Random rnd = new Random(1000 + j);
    Sha256Hasher h = Sha256Hasher.create();
    Sha256Digest rootJ = root(j);
    for (int i = 1; i <= j; i++) {
      Sha256Digest rootI = root(i);
      List<Sha256Digest> p = AhtProofs.consistency(TREE, i, j, h);
      assertThat(p).isEqualTo(ReferenceMerkle.consistency(i, LEAVES.subList(0, j)));
      AhtVerifier.verifyConsistency(p, i, j, rootI, rootJ);
      for (Map.Entry<String, List<Sha256Digest>> m : ProofMutations.bitFlips(p, rnd).entrySet()) {
        ConsistencyRoots c = AhtVerifier.rootsFromConsistency(m.getValue(), i, j, h);
        if (c.oldRoot().equals(rootI) && c.newRoot().equals(rootJ)) {
          fail("CONS(%d,%d) %s still leads to both roots", i, j, m.getKey());
        }
        if (ProofMutations.viaVerifier(m.getKey())) {
          expectConsistency(false, m.getKey(), m.getValue(), i, j, rootI, rootJ);
        }
      }
      for (Map.Entry<String, List<Sha256Digest>> m : ProofMutations.structural(p, rnd).entrySet()) {
        boolean emptyForSameSize = i == j && m.getValue().isEmpty();
        expectConsistency(emptyForSameSize, m.getKey(), m.getValue(), i, j, rootI, rootJ);
      }
      long[][] sizes = {
        {i - 1L, j}, {i + 1L, j}, {2L * i, j}, {i / 2, j},
        {i, j + 1L}, {i, j - 1L}, {i, 2L * j}, {i, j / 2}
      };
      for (long[] s : sizes) {
        boolean want = ReferenceMerkle.consistencyHolds(p, s[0], s[1], rootI, rootJ);
        expectConsistency(want, "sizes " + s[0] + "," + s[1], p, s[0], s[1], rootI, rootJ);
      }
      if (i < j) {
        expectConsistency(false, "old root", p, i, j, ProofMutations.flipBit(rootI, 3), rootJ);
        expectConsistency(false, "new root", p, i, j, rootI, ProofMutations.flipBit(rootJ, 3));
        expectConsistency(false, "swapped roots", p, i, j, rootJ, rootI);
      }
    }
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void lastInclusionForEverySize(@ForAll @IntRange(min = 1, max = 64) int j) throws Exception {
    Random rnd = new Random(2000 + j);
    Sha256Hasher h = Sha256Hasher.create();
    Sha256Digest rootJ = root(j);
    List<Sha256Digest> p = AhtProofs.lastInclusion(TREE, j, h);
    assertThat(p).isEqualTo(ReferenceMerkle.path(j - 1, LEAVES.subList(0, j)));
    AhtVerifier.verifyLastInclusion(p, j, alh(j), rootJ);
    for (Map.Entry<String, List<Sha256Digest>> m : ProofMutations.bitFlips(p, rnd).entrySet()) {
      expectLast(false, m.getKey(), m.getValue(), j, alh(j), rootJ);
    }
    for (Map.Entry<String, List<Sha256Digest>> m : ProofMutations.structural(p, rnd).entrySet()) {
      expectLast(false, m.getKey(), m.getValue(), j, alh(j), rootJ);
    }
    for (long j2 : new long[] {j + 1L, j - 1L, 2L * j, j / 2}) {
      boolean want = ReferenceMerkle.inclusionHolds(p, j2 - 1, j2, LEAVES.get(j - 1), rootJ);
      expectLast(want, "size " + j2, p, j2, alh(j), rootJ);
    }
    expectLast(false, "wrong leaf", p, j, ProofMutations.flipBit(alh(j), 9), rootJ);
    expectLast(false, "wrong root", p, j, alh(j), ProofMutations.flipBit(rootJ, 9));
  }

  @Property(tries = 30, seed = "4242")
  void largerTreesMatchReference(
      @ForAll @IntRange(min = 65, max = 700) int size, @ForAll @IntRange(min = 0) int seed)
      throws Exception {
    Random rnd = new Random(seed);
    InMemoryAhTree t = new InMemoryAhTree();
    List<Sha256Digest> alhs = new ArrayList<>();
    List<Sha256Digest> leaves = new ArrayList<>();
    for (int x = 0; x < size + rnd.nextInt(50); x++) {
      Sha256Digest a = ProofMutations.randomDigest(rnd);
      alhs.add(a);
      leaves.add(t.append(a));
    }
    int j = size;
    int i = 1 + rnd.nextInt(j);
    Sha256Digest rootI = ReferenceMerkle.mth(leaves.subList(0, i));
    Sha256Digest rootJ = ReferenceMerkle.mth(leaves.subList(0, j));
    assertThat(AhtProofs.root(t, j)).isEqualTo(rootJ);
    List<Sha256Digest> incl = AhtProofs.inclusion(t, i, j);
    assertThat(incl).isEqualTo(ReferenceMerkle.path(i - 1, leaves.subList(0, j)));
    AhtVerifier.verifyInclusion(incl, i, j, alhs.get(i - 1), rootJ);
    List<Sha256Digest> cons = AhtProofs.consistency(t, i, j);
    assertThat(cons).isEqualTo(ReferenceMerkle.consistency(i, leaves.subList(0, j)));
    AhtVerifier.verifyConsistency(cons, i, j, rootI, rootJ);
    AhtVerifier.verifyLastInclusion(AhtProofs.lastInclusion(t, j), j, alhs.get(j - 1), rootJ);
  }

  private static void expectInclusion(
      boolean accept,
      String what,
      List<Sha256Digest> p,
      long i,
      long j,
      Sha256Digest alh,
      Sha256Digest root) {
    try {
      AhtVerifier.verifyInclusion(p, i, j, alh, root);
      if (!accept) {
        fail("INCL accepted mutation: " + what + " at i=" + i + " j=" + j);
      }
    } catch (VerificationException e) {
      if (accept) {
        fail("INCL rejected (" + what + ") though the reference accepts: " + e.getMessage());
      }
    }
  }

  private static void expectConsistency(
      boolean accept,
      String what,
      List<Sha256Digest> p,
      long i,
      long j,
      Sha256Digest rootI,
      Sha256Digest rootJ) {
    try {
      AhtVerifier.verifyConsistency(p, i, j, rootI, rootJ);
      if (!accept) {
        fail("CONS accepted mutation: " + what + " at i=" + i + " j=" + j);
      }
    } catch (VerificationException e) {
      if (accept) {
        fail("CONS rejected (" + what + ") though the reference accepts: " + e.getMessage());
      }
    }
  }

  private static void expectLast(
      boolean accept,
      String what,
      List<Sha256Digest> p,
      long j,
      Sha256Digest alh,
      Sha256Digest root) {
    try {
      AhtVerifier.verifyLastInclusion(p, j, alh, root);
      if (!accept) {
        fail("LAST accepted mutation: " + what + " at j=" + j);
      }
    } catch (VerificationException e) {
      if (accept) {
        fail("LAST rejected (" + what + ") though the reference accepts: " + e.getMessage());
      }
    }
  }
}
