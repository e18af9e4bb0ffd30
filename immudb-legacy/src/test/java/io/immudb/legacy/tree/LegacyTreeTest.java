package io.immudb.legacy.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tree on disk: layout, reopening, torn tails cut back to the last whole tx. */
class LegacyTreeTest {
  @TempDir Path tmp;

  private static Sha256Digest h(int i) {
    return Sha256Hasher.create().hash(new byte[] {(byte) i, (byte) (i >> 8)});
  }

  @Test
  void recordsForAndLeavesFittingAreInverse() {
    for (long n = 0; n < 2000; n++) {
      long r = LegacyTree.recordsFor(n);
      assertThat(LegacyTree.leavesFitting(r)).isEqualTo(n);
      if (n > 0) {
        assertThat(LegacyTree.leavesFitting(r - 1)).isEqualTo(n - 1);
      }
    }
  }

  @Test
  void reopenKeepsEverythingAndLocatesEveryLeaf() throws IOException {
    List<Sha256Digest> leaves = new ArrayList<>();
    try (LegacyTree t = LegacyTree.open(tmp)) {
      for (int tx = 1; tx <= 50; tx++) {
        Sha256Digest[] batch = new Sha256Digest[tx % 4]; // includes empty txs
        for (int i = 0; i < batch.length; i++) {
          batch[i] = h(leaves.size());
          leaves.add(batch[i]);
        }
        t.appendTx(batch);
        if (tx % 7 == 0) {
          t.publish();
        }
      }
    }
    try (LegacyTree t = LegacyTree.open(tmp)) {
      assertThat(t.txCount()).isEqualTo(50);
      assertThat(t.size()).isEqualTo(leaves.size());
      assertThat(LegacyProofs.root(t, leaves.size() - 1)).isEqualTo(LegacyReference.mth(leaves));
      for (int i = 0; i < leaves.size(); i++) {
        assertThat(t.leaf(i)).isEqualTo(leaves.get(i));
        long tx = t.locate(i);
        assertThat(t.txEnd(tx - 1)).isLessThanOrEqualTo(i);
        assertThat(t.txEnd(tx)).isGreaterThan(i);
      }
      // Appending after a reopen continues the same tree.
      Sha256Digest more = h(999);
      leaves.add(more);
      t.appendTx(new Sha256Digest[] {more});
      t.publish();
      assertThat(LegacyProofs.root(t, leaves.size() - 1)).isEqualTo(LegacyReference.mth(leaves));
    }
  }

  @Test
  void tornTailsAreCutToTheLastWholeTx() throws IOException {
    List<Sha256Digest> leaves = new ArrayList<>();
    try (LegacyTree t = LegacyTree.open(tmp)) {
      for (int tx = 1; tx <= 10; tx++) {
        Sha256Digest a = h(2 * tx);
        Sha256Digest b = h(2 * tx + 1);
        leaves.add(a);
        leaves.add(b);
        t.appendTx(new Sha256Digest[] {a, b});
      }
    }
    // A torn node record, and a damaged last tx record.
    try (FileChannel n = FileChannel.open(tmp.resolve("nodes"), StandardOpenOption.WRITE)) {
      n.truncate(n.size() - 5);
    }
    try (FileChannel x = FileChannel.open(tmp.resolve("txends"), StandardOpenOption.WRITE)) {
      x.write(ByteBuffer.wrap(new byte[] {1}), x.size() - 1);
    }
    try (LegacyTree t = LegacyTree.open(tmp)) {
      assertThat(t.txCount()).isEqualTo(9);
      assertThat(t.size()).isEqualTo(18);
      assertThat(LegacyProofs.root(t, 17)).isEqualTo(LegacyReference.mth(leaves.subList(0, 18)));
    }
  }

  @Test
  void rollBackForgetsLaterTxs() throws IOException {
    try (LegacyTree t = LegacyTree.open(tmp)) {
      for (int tx = 1; tx <= 5; tx++) {
        t.appendTx(new Sha256Digest[] {h(tx)});
      }
      t.publish();
      t.rollBackTo(2);
      assertThat(t.txCount()).isEqualTo(2);
      assertThat(t.size()).isEqualTo(2);
      t.appendTx(new Sha256Digest[] {h(77)});
      t.publish();
      assertThat(LegacyProofs.root(t, 2))
          .isEqualTo(LegacyReference.mth(List.of(h(1), h(2), h(77))));
    }
  }

  @Test
  void discardedAppendsLeaveNoTrace() throws IOException {
    try (LegacyTree t = LegacyTree.open(tmp)) {
      t.appendTx(new Sha256Digest[] {h(1), h(2)});
      t.publish();
      t.appendTx(new Sha256Digest[] {h(3)}); // a catch-up that then failed
      t.discardPending();
      assertThat(t.size()).isEqualTo(2);
      t.appendTx(new Sha256Digest[] {h(4)});
      t.publish();
      assertThat(t.txCount()).isEqualTo(2);
      assertThat(LegacyProofs.root(t, 2)).isEqualTo(LegacyReference.mth(List.of(h(1), h(2), h(4))));
    }
  }
}
