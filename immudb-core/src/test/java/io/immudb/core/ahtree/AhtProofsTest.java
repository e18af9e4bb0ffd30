package io.immudb.core.ahtree;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.digests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.reference.ReferenceMerkle;
import io.immudb.core.vectors.VectorFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AhtProofsTest {
  private static final JsonNode V = VectorFiles.load("spec/13.4-aht-synthetic.json");

  /** The tree of spec §13.4: payload P_i is 32 bytes of value i. */
  static InMemoryAhTree syntheticTree(int n) {
    InMemoryAhTree t = new InMemoryAhTree();
    for (int i = 1; i <= n; i++) {
      byte[] p = new byte[32];
      Arrays.fill(p, (byte) i);
      t.append(Sha256Digest.of(p));
    }
    return t;
  }

  @Test
  void specVector13_4_leavesAndRoots() {
    InMemoryAhTree t = syntheticTree(5);
    List<Sha256Digest> leaves = digests(V.get("leafHashes"));
    List<Sha256Digest> roots = digests(V.get("roots"));
    for (int i = 1; i <= 5; i++) {
      assertThat(t.node(0, i - 1)).isEqualTo(leaves.get(i - 1));
      assertThat(AhtProofs.root(t, i)).as("ROOT(%d)", i).isEqualTo(roots.get(i - 1));
    }
    assertThat(t.root()).isEqualTo(roots.get(4));
    assertThat(t.node(1, 1)).isEqualTo(digest(V.get("node34")));
    assertThat(AhtProofs.rangeHash(t, 3, 4)).isEqualTo(digest(V.get("node34")));
  }

  /** A tree that remembers every range it is told about, counting what it is told. */
  private static final class RememberingTree implements AhtNodes {
    final InMemoryAhTree t;
    final java.util.Map<List<Long>, Sha256Digest> known = new java.util.HashMap<>();
    int hashed;

    RememberingTree(InMemoryAhTree t) {
      this.t = t;
    }

    @Override
    public long size() {
      return t.size();
    }

    @Override
    public Sha256Digest node(int level, long index) {
      return t.node(level, index);
    }

    @Override
    public Sha256Digest knownRange(long off, long count) {
      return known.get(List.of(off, count));
    }

    @Override
    public void rangeHashed(long off, long count, Sha256Digest root) {
      assertThat(Long.bitCount(count) == 1 && off % count == 0)
          .as("perfect range offered")
          .isFalse();
      hashed++;
      known.put(List.of(off, count), root);
    }
  }

  @Test
  void rememberedRangesGiveTheSameProofsAndAreNotHashedAgain() {
    InMemoryAhTree plain = syntheticTree(37);
    RememberingTree r = new RememberingTree(plain);
    for (int round = 0; round < 2; round++) {
      int hashedBefore = r.hashed;
      for (long j = 1; j <= 37; j++) {
        assertThat(AhtProofs.root(r, j)).isEqualTo(AhtProofs.root(plain, j));
        assertThat(AhtProofs.lastInclusion(r, j)).isEqualTo(AhtProofs.lastInclusion(plain, j));
        for (long i = 1; i <= j; i++) {
          assertThat(AhtProofs.inclusion(r, i, j)).isEqualTo(AhtProofs.inclusion(plain, i, j));
          assertThat(AhtProofs.consistency(r, i, j)).isEqualTo(AhtProofs.consistency(plain, i, j));
        }
      }
      if (round == 0) {
        assertThat(r.hashed).isPositive();
      } else {
        assertThat(r.hashed).as("second round hashes no range again").isEqualTo(hashedBefore);
      }
    }
  }

  @Test
  void specVector13_4_proofsGenerateAndVerify() throws Exception {
    InMemoryAhTree t = syntheticTree(5);
    List<Sha256Digest> roots = digests(V.get("roots"));
    for (JsonNode c : V.get("inclusion")) {
      long i = c.get("i").asLong();
      long j = c.get("j").asLong();
      List<Sha256Digest> want = digests(c.get("terms"));
      assertThat(AhtProofs.inclusion(t, i, j)).as("INCL(%d,%d)", i, j).isEqualTo(want);
      AhtVerifier.verifyInclusion(want, i, j, payload(i), roots.get((int) j - 1));
    }
    for (JsonNode c : V.get("lastInclusion")) {
      long j = c.get("j").asLong();
      List<Sha256Digest> want = digests(c.get("terms"));
      assertThat(AhtProofs.lastInclusion(t, j)).as("LAST(%d)", j).isEqualTo(want);
      AhtVerifier.verifyLastInclusion(want, j, payload(j), roots.get((int) j - 1));
    }
    for (JsonNode c : V.get("consistency")) {
      long i = c.get("i").asLong();
      long j = c.get("j").asLong();
      List<Sha256Digest> want = digests(c.get("terms"));
      assertThat(AhtProofs.consistency(t, i, j)).as("CONS(%d,%d)", i, j).isEqualTo(want);
      AhtVerifier.verifyConsistency(want, i, j, roots.get((int) i - 1), roots.get((int) j - 1));
    }
  }

  @Test
  void proofsForASizeIgnoreLaterLeaves() {
    InMemoryAhTree small = syntheticTree(13);
    InMemoryAhTree big = syntheticTree(100);
    for (long j = 1; j <= 13; j++) {
      assertThat(AhtProofs.root(big, j)).isEqualTo(AhtProofs.root(small, j));
      assertThat(AhtProofs.lastInclusion(big, j)).isEqualTo(AhtProofs.lastInclusion(small, j));
      for (long i = 1; i <= j; i++) {
        assertThat(AhtProofs.inclusion(big, i, j)).isEqualTo(AhtProofs.inclusion(small, i, j));
        assertThat(AhtProofs.consistency(big, i, j)).isEqualTo(AhtProofs.consistency(small, i, j));
      }
    }
  }

  @Test
  void rangeHashMatchesReferenceForEveryRangeIncludingUnaligned() {
    InMemoryAhTree t = syntheticTree(40);
    List<Sha256Digest> leaves = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      leaves.add(t.node(0, i));
    }
    for (int from = 1; from <= 40; from++) {
      for (int to = from; to <= 40; to++) {
        assertThat(AhtProofs.rangeHash(t, from, to))
            .as("MTH(%d..%d)", from, to)
            .isEqualTo(ReferenceMerkle.mth(leaves.subList(from - 1, to)));
      }
    }
  }

  @Test
  void readsOnlyCompleteSubtreesInsideTheRequestedSize() {
    InMemoryAhTree t = syntheticTree(64);
    for (long j = 1; j <= 64; j++) {
      AhtNodes g = limitedTo(t, j);
      AhtProofs.root(g, j);
      AhtProofs.lastInclusion(g, j);
      for (long i = 1; i <= j; i++) {
        AhtProofs.inclusion(g, i, j);
        AhtProofs.consistency(g, i, j);
      }
    }
  }

  /** Wraps a tree so that reading a node that covers any leaf beyond {@code j} fails the test. */
  private static AhtNodes limitedTo(AhtNodes t, long j) {
    return new AhtNodes() {
      @Override
      public long size() {
        return t.size();
      }

      @Override
      public Sha256Digest node(int level, long index) {
        if (((index + 1) << level) > j) {
          throw new AssertionError("read node (" + level + "," + index + ") beyond leaf " + j);
        }
        return t.node(level, index);
      }
    };
  }

  @Test
  void rejectsSizesOutsideTheTree() {
    InMemoryAhTree t = syntheticTree(5);
    assertThatThrownBy(() -> AhtProofs.root(t, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AhtProofs.root(t, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AhtProofs.inclusion(t, 0, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AhtProofs.inclusion(t, 4, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AhtProofs.consistency(t, 2, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AhtProofs.lastInclusion(t, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AhtProofs.rangeHash(t, 3, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Sha256Digest payload(long i) {
    byte[] p = new byte[32];
    Arrays.fill(p, (byte) i);
    return Sha256Digest.of(p);
  }
}
