package io.immudb.legacy.tree;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.VerificationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec v0.8 §8 vectors, and the optimised proofs against the naive recursion (§2.1). */
class LegacyProofsTest {
  private static Sha256Digest d(String hex) {
    return Sha256Digest.fromHex(hex);
  }

  private static Sha256Digest leaf(int i) {
    return LegacyLeaf.hash(i, ("key" + i).getBytes(UTF_8), ("value" + i).getBytes(UTF_8));
  }

  @TempDir Path tmp;

  /** A tree on disk with {@code leaves}, one tx of up to three leaves at a time. */
  private LegacyTree treeOf(List<Sha256Digest> leaves) throws IOException {
    LegacyTree t = LegacyTree.open(tmp.resolve("t" + System.nanoTime()));
    for (int i = 0; i < leaves.size(); i += 3) {
      t.appendTx(leaves.subList(i, Math.min(leaves.size(), i + 3)).toArray(Sha256Digest[]::new));
    }
    t.publish();
    return t;
  }

  private static List<Sha256Digest> leaves(int n) {
    List<Sha256Digest> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(leaf(i));
    }
    return l;
  }

  @Test
  void leavesMatchSpecVectors() {
    assertThat(leaf(0))
        .isEqualTo(d("5deca556699c1f1ac536f66d3312b35ea0aad8eb9ff8ce469546f9ebe6956bc2"));
    assertThat(leaf(4))
        .isEqualTo(d("2681415cb9902857ff0ce89dedb670d2bada15d507e5babf23398bba5c1d6a1e"));
    assertThat(leaf(6))
        .isEqualTo(d("982b9b1300315f38a9cc8c1c10293ac603dfcd66074426d7b85382e14cfdca1f"));
    byte[] content = java.util.HexFormat.of().parseHex("0880a0f8fa05120676616c756530");
    assertThat(LegacyLeaf.hash(0, "key0".getBytes(UTF_8), content))
        .isEqualTo(d("b46993666e4ccf9b7f523e10c22dcf289659c2cc519c3bc496d5039f70e4e717"));
    assertThat(LegacyLeaf.hash(2, new byte[0], new byte[0]))
        .isNotEqualTo(d("7fc8a18e230e72302ff1c08a26b9498815a963330ac8d33d5674e0ce5c3d202a"));
    assertThat(LegacyLeaf.hash(3, new byte[0], new byte[0]))
        .isEqualTo(d("7fc8a18e230e72302ff1c08a26b9498815a963330ac8d33d5674e0ce5c3d202a"));
  }

  @Test
  void rootsMatchSpecVectors() throws IOException {
    LegacyTree t = treeOf(leaves(7));
    assertThat(LegacyProofs.root(t, 0)).isEqualTo(leaf(0));
    assertThat(LegacyProofs.root(t, 1))
        .isEqualTo(d("bc360a02c21ac7a777a86f1a62bf1ae5bdc60af5a9c3f065c6d0a58740be9b31"));
    assertThat(LegacyProofs.root(t, 2))
        .isEqualTo(d("f3574a375c0b971a3b36a2ac69e46c76b8d9f5f69f64486abf809d30763f5c10"));
    assertThat(LegacyProofs.root(t, 3))
        .isEqualTo(d("9805aec3ba5a7a1889b7d066d7f1a5e81ae2f28bbfe1716f01904a99a22595f9"));
    assertThat(LegacyProofs.root(t, 4))
        .isEqualTo(d("6ff1ff387d6fd5dc60b3b1ed6771818a3826bf01d3a34f2739a067700bb6e7a5"));
    assertThat(LegacyProofs.root(t, 5))
        .isEqualTo(d("062a2574c4713166b4dd1a12950db55292dbc36290c4dcf58e12077f1329e481"));
    assertThat(LegacyProofs.root(t, 6))
        .isEqualTo(d("92e3c2d76e6fb932f274c6e281487bf4505bdb957c99e98aaaa27997d27348a9"));
  }

  @Test
  void pathsMatchSpecVectors() throws IOException {
    LegacyTree t = treeOf(leaves(5));
    Sha256Digest n01 = d("bc360a02c21ac7a777a86f1a62bf1ae5bdc60af5a9c3f065c6d0a58740be9b31");
    Sha256Digest n23 = d("f81beb37b8a2b37daf869d58f3a034dc624e9daa2b0b12c13af8aa33d1e1c23f");
    Sha256Digest n0123 = d("9805aec3ba5a7a1889b7d066d7f1a5e81ae2f28bbfe1716f01904a99a22595f9");
    assertThat(LegacyProofs.inclusionPath(t, 0, 4)).containsExactly(leaf(1), n23, leaf(4));
    assertThat(LegacyProofs.inclusionPath(t, 3, 4)).containsExactly(leaf(2), n01, leaf(4));
    assertThat(LegacyProofs.inclusionPath(t, 4, 4)).containsExactly(n0123);
    assertThat(LegacyProofs.inclusionPath(t, 2, 2)).containsExactly(n01);
    assertThat(LegacyProofs.consistencyPath(t, 0, 1)).containsExactly(leaf(1));
    assertThat(LegacyProofs.consistencyPath(t, 0, 3)).containsExactly(leaf(1), n23);
    assertThat(LegacyProofs.consistencyPath(t, 1, 3)).containsExactly(n23);
    assertThat(LegacyProofs.consistencyPath(t, 2, 3)).containsExactly(leaf(2), leaf(3), n01);
    assertThat(LegacyProofs.consistencyPath(t, 2, 4))
        .containsExactly(leaf(2), leaf(3), n01, leaf(4));
    assertThat(LegacyProofs.consistencyPath(t, 3, 4)).containsExactly(leaf(4));
    assertThat(LegacyProofs.consistencyPath(t, 4, 4)).isEmpty();
  }

  /** Every (index, at, first) for sizes 1..40, against the recursion and the client's check. */
  @Test
  void everySmallProofEqualsTheRecursionAndVerifies() throws Exception {
    List<Sha256Digest> all = leaves(40);
    LegacyTree t = treeOf(all);
    for (int at = 0; at < 40; at++) {
      List<Sha256Digest> l = all.subList(0, at + 1);
      Sha256Digest root = LegacyReference.mth(l);
      assertThat(LegacyProofs.root(t, at)).isEqualTo(root);
      for (int i = 0; i <= at; i++) {
        List<Sha256Digest> p = LegacyProofs.inclusionPath(t, i, at);
        assertThat(p).isEqualTo(LegacyReference.path(i, l));
        LegacyVerifier.verifyInclusion(i, at, all.get(i), p, root);
        List<Sha256Digest> c = LegacyProofs.consistencyPath(t, i, at);
        assertThat(c).isEqualTo(LegacyReference.proof(i + 1, l));
        Sha256Digest old = LegacyReference.mth(all.subList(0, i + 1));
        LegacyVerifier.verifyConsistency(i, old, at, root, c);
      }
    }
  }

  @Test
  void tamperedProofsAreRejected() throws IOException {
    List<Sha256Digest> all = leaves(13);
    LegacyTree t = treeOf(all);
    Sha256Digest root = LegacyProofs.root(t, 12);
    List<Sha256Digest> p = LegacyProofs.inclusionPath(t, 5, 12);
    assertThatThrownBy(() -> LegacyVerifier.verifyInclusion(5, 12, all.get(6), p, root))
        .isInstanceOf(VerificationException.class);
    assertThatThrownBy(() -> LegacyVerifier.verifyInclusion(6, 12, all.get(5), p, root))
        .isInstanceOf(VerificationException.class);
    assertThatThrownBy(
            () -> LegacyVerifier.verifyInclusion(5, 12, all.get(5), p.subList(1, p.size()), root))
        .isInstanceOf(VerificationException.class);
    List<Sha256Digest> c = LegacyProofs.consistencyPath(t, 5, 12);
    Sha256Digest old = LegacyProofs.root(t, 5);
    Sha256Digest forged = LegacyProofs.root(t, 4);
    assertThatThrownBy(() -> LegacyVerifier.verifyConsistency(5, forged, 12, root, c))
        .isInstanceOf(VerificationException.class);
    assertThatThrownBy(() -> LegacyVerifier.verifyConsistency(12, root, 5, old, c))
        .isInstanceOf(VerificationException.class);
    assertThatThrownBy(() -> LegacyVerifier.verifyConsistency(5, old, 12, root, List.of()))
        .isInstanceOf(VerificationException.class);
  }
}
