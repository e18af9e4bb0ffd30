package io.immudb.core.ahtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.reference.ReferenceMerkle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAhTreeTest {
  private final Sha256Hasher h = Sha256Hasher.create();

  @Test
  void appendReturnsTheLeafAndCompletesPerfectParents() {
    InMemoryAhTree t = new InMemoryAhTree();
    List<Sha256Digest> leaves = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      Sha256Digest alh = h.hash(new byte[] {(byte) i, (byte) (i >> 8)});
      Sha256Digest leaf = t.append(alh);
      assertThat(leaf).isEqualTo(ReferenceMerkle.leafHash(alh));
      leaves.add(leaf);
      assertThat(t.size()).isEqualTo(i);
      assertThat(t.root()).isEqualTo(ReferenceMerkle.mth(leaves));
    }
    for (int level = 0; (1L << level) <= 300; level++) {
      long count = 300 >> level;
      for (long index = 0; index < count; index++) {
        int from = (int) (index << level);
        assertThat(t.node(level, index))
            .isEqualTo(ReferenceMerkle.mth(leaves.subList(from, from + (1 << level))));
      }
    }
  }

  @Test
  void refusesIncompleteOrMissingNodes() {
    InMemoryAhTree t = new InMemoryAhTree();
    assertThatThrownBy(t::root).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> t.node(0, 0)).isInstanceOf(IllegalArgumentException.class);
    for (int i = 0; i < 5; i++) {
      t.append(Sha256Digest.ZERO);
    }
    assertThat(t.node(2, 0)).isNotNull();
    assertThatThrownBy(() -> t.node(1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.node(3, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.node(0, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.node(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.node(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
