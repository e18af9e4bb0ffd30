package io.immudb.legacy.tree;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.kv.KeyValue;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tree over a real database: follows the log, is rebuilt when missing or foreign. */
class LegacyLedgerTest {
  @TempDir Path tmp;

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void followsTheLogAndRebuildsWhenMissing() throws Exception {
    try (Database db = Database.open(tmp.resolve("db"), StoreOptions.defaults())) {
      db.set(b("a"), b("1"));
      db.setAll(List.of(new KeyValue(b("b"), b("2")), new KeyValue(b("c"), b(""))), false);
      db.setReference(b("r"), b("a"), 0, false, false);
      LegacyRoot before;
      try (LegacyLedger l = LegacyLedger.open(db)) {
        l.catchUp();
        assertThat(l.tree().size()).isEqualTo(4);
        LegacyItem b = l.item(1).orElseThrow();
        assertThat(b.key()).isEqualTo(b("b"));
        assertThat(b.value()).isEqualTo(b("2"));
        assertThat(l.item(2).orElseThrow().value()).isEmpty();
        assertThat(l.indexOf(2, 1)).isEqualTo(2);
        assertThat(l.lastIndexOf(2)).isEqualTo(2);
        List<io.immudb.core.crypto.Sha256Digest> leaves = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          LegacyItem it = l.item(i).orElseThrow();
          leaves.add(LegacyLeaf.hash(i, it.key(), it.value()));
          assertThat(l.tree().leaf(i)).isEqualTo(leaves.get(i));
        }
        before = l.state().orElseThrow();
        assertThat(before.root()).isEqualTo(LegacyReference.mth(leaves));
      }
      // Deleted: rebuilt from the log, to the same root.
      Files.delete(tmp.resolve("db/legacy/nodes"));
      try (LegacyLedger l = LegacyLedger.open(db)) {
        assertThat(l.tree().size()).isZero();
        l.catchUp();
        assertThat(l.state()).contains(before);
      }
    }
  }

  @Test
  void aTreeOfAnotherHistoryIsRebuilt() throws Exception {
    try (Database db = Database.open(tmp.resolve("one"), StoreOptions.defaults())) {
      db.set(b("k"), b("v1"));
      try (LegacyLedger l = LegacyLedger.open(db)) {
        l.catchUp();
      }
    }
    try (Database db = Database.open(tmp.resolve("two"), StoreOptions.defaults())) {
      db.set(b("k"), b("v2"));
      // The first database's tree moved under the second one.
      Files.createDirectories(tmp.resolve("two/legacy"));
      for (String f : List.of("nodes", "txends")) {
        Files.copy(tmp.resolve("one/legacy/" + f), tmp.resolve("two/legacy/" + f));
      }
      try (LegacyLedger l = LegacyLedger.open(db)) {
        assertThat(l.tree().size()).isZero();
        l.catchUp();
        assertThat(l.tree().leaf(0)).isEqualTo(LegacyLeaf.hash(0, b("k"), b("v2")));
      }
    }
  }

  @Test
  void aDamagedLeafIsFoundBySamplingAndRebuilt() throws Exception {
    try (Database db = Database.open(tmp.resolve("db"), StoreOptions.defaults())) {
      for (int i = 0; i < 5; i++) {
        db.set(b("k" + i), b("v" + i));
      }
      LegacyRoot good;
      try (LegacyLedger l = LegacyLedger.open(db)) {
        l.catchUp();
        good = l.state().orElseThrow();
        assertThat(l.checkSample(new java.util.SplittableRandom(1), 50)).isEqualTo(-1);
        assertThat(LegacyTreeVerifier.verify(db).orElseThrow()).startsWith("ok: 5 leaves");
        // Leaf 2's record, damaged under the open tree.
        long off = LegacyTree.recordsFor(2) * LegacyTree.NODE_RECORD;
        try (java.nio.channels.FileChannel f =
            java.nio.channels.FileChannel.open(
                tmp.resolve("db/legacy/nodes"), java.nio.file.StandardOpenOption.WRITE)) {
          f.write(java.nio.ByteBuffer.wrap(new byte[] {0x55}), off);
        }
        assertThat(LegacyTreeVerifier.verify(db).orElseThrow()).startsWith("FAILED");
        assertThat(l.checkSample(new java.util.SplittableRandom(1), 200)).isEqualTo(2);
        assertThat(l.state()).contains(good);
        assertThat(l.checkSample(new java.util.SplittableRandom(2), 200)).isEqualTo(-1);
      }
    }
  }

  /** A rebuild of a long log (read ahead on a second thread) equals the recursion over it. */
  @Test
  void aLongLogIsRebuiltToTheSameTree() throws Exception {
    StoreOptions fast = StoreOptions.builder().synced(false).build();
    try (Database db = Database.open(tmp.resolve("long"), fast)) {
      List<io.immudb.core.crypto.Sha256Digest> leaves = new ArrayList<>();
      for (int t = 0; t < 700; t++) {
        List<KeyValue> kvs = new ArrayList<>();
        for (int e = 0; e <= t % 3; e++) {
          byte[] k = b("k" + t + "-" + e);
          byte[] v = b("v" + t);
          leaves.add(LegacyLeaf.hash(leaves.size(), k, v));
          kvs.add(new KeyValue(k, v));
        }
        db.setAll(kvs, true);
      }
      try (LegacyLedger l = LegacyLedger.open(db)) {
        l.catchUp();
        assertThat(l.tree().txCount()).isEqualTo(700);
        assertThat(l.state().orElseThrow().root()).isEqualTo(LegacyReference.mth(leaves));
      }
      assertThat(LegacyTreeVerifier.verify(db).orElseThrow()).startsWith("ok: " + leaves.size());
    }
  }
}
