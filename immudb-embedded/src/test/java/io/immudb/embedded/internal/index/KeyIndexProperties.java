package io.immudb.embedded.internal.index;

import static io.immudb.embedded.internal.index.KeyIndexTest.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every query of {@link IndexSnapshot} agrees with a naive model, a sorted map from key to its
 * versions, over random small workloads: keys over a tiny alphabet (so prefixes, {@code 00} and
 * {@code FF} bytes are everywhere), applied in random batches, with a reopen and snapshots kept
 * from the past.
 */
class KeyIndexProperties {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] ALPHABET = {0x00, 0x01, 0x7F, (byte) 0xFF};
  private static Path dir;
  private static KeyIndex index;

  @BeforeContainer
  static void openIndex() throws IOException {
    dir = Files.createTempDirectory("key-index-props");
    index = KeyIndex.open(dir);
  }

  @AfterContainer
  static void closeIndex() throws IOException {
    index.close();
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 150)
  void queriesMatchTheModel(
      @ForAll("workloads") List<List<byte[]>> txKeys,
      @ForAll("batchSizes") List<Integer> batchSizes,
      @ForAll boolean reopenHalfway,
      @ForAll long querySeed)
      throws IOException {
    index.reset();
    // model: hex key -> versions in tx order; hex strings sort like unsigned bytes
    TreeMap<String, List<EntryRef>> model = new TreeMap<>();
    List<TxIndexBatch> txs = new ArrayList<>();
    for (int t = 0; t < txKeys.size(); t++) {
      List<byte[]> keys = txKeys.get(t);
      List<EntryRef> refs = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        refs.add(ref(t + 1, i));
        model
            .computeIfAbsent(HEX.formatHex(keys.get(i)), x -> new ArrayList<>())
            .add(ref(t + 1, i));
      }
      txs.add(new TxIndexBatch(t + 1, keys, refs));
    }
    Random rnd = new Random(querySeed);
    List<IndexSnapshot> kept = new ArrayList<>();
    int next = 0;
    for (int b = 0; next < txs.size(); b++) {
      int n = Math.min(batchSizes.get(b % batchSizes.size()), txs.size() - next);
      index.apply(txs.subList(next, next + n));
      next += n;
      if (reopenHalfway && next >= txs.size() / 2 && kept.isEmpty()) {
        index.close();
        index = KeyIndex.open(dir);
        assertThat(index.indexedTx()).isEqualTo(next);
      }
      if (rnd.nextInt(3) == 0) {
        kept.add(index.snapshot());
      }
    }
    assertThat(index.indexedTx()).isEqualTo(txs.size());
    kept.add(index.snapshot());
    for (IndexSnapshot s : kept) {
      try (s) {
        check(s, model, rnd);
      }
    }
  }

  private static void check(IndexSnapshot s, TreeMap<String, List<EntryRef>> model, Random rnd) {
    long top = s.txId();
    for (String hk : model.keySet()) {
      byte[] k = HEX.parseHex(hk);
      List<EntryRef> visible = upTo(model.get(hk), top);
      assertThat(s.get(k)).isEqualTo(last(visible));
      long maxTx = rnd.nextInt((int) top + 2);
      assertThat(s.getAt(k, maxTx))
          .as("getAt %s %d", hk, maxTx)
          .isEqualTo(last(upTo(visible, maxTx)));
      assertThat(s.versionCount(k)).isEqualTo(visible.size());
      int offset = rnd.nextInt(visible.size() + 2);
      int limit = 1 + rnd.nextInt(4);
      boolean desc = rnd.nextBoolean();
      List<EntryRef> order = new ArrayList<>(visible);
      if (desc) {
        java.util.Collections.reverse(order);
      }
      List<EntryRef> want =
          order.subList(Math.min(offset, order.size()), Math.min(offset + limit, order.size()));
      assertThat(s.history(k, offset, limit, desc)).isEqualTo(want);
    }
    for (int q = 0; q < 25; q++) {
      ScanSpec spec =
          ScanSpec.builder()
              .prefix(rnd.nextInt(3) == 0 ? null : randomKey(rnd, 2))
              .seekKey(rnd.nextBoolean() ? null : randomKey(rnd, 3), rnd.nextBoolean())
              .endKey(rnd.nextInt(3) == 0 ? randomKey(rnd, 3) : null, rnd.nextBoolean())
              .desc(rnd.nextBoolean())
              .limit(1 + rnd.nextInt(8))
              .atTx(rnd.nextInt((int) top + 1))
              .build();
      assertThat(s.scan(spec)).as("%s at %d", spec, top).isEqualTo(modelScan(model, spec, top));
      byte[] prefix = randomKey(rnd, 2);
      long atTx = rnd.nextInt((int) top + 1);
      long viewTx = atTx == 0 ? top : atTx;
      long want =
          model.entrySet().stream()
              .filter(e -> startsWith(HEX.parseHex(e.getKey()), prefix))
              .filter(e -> !upTo(e.getValue(), viewTx).isEmpty())
              .count();
      assertThat(s.count(prefix, atTx)).isEqualTo(want);
    }
  }

  /** The scan, straight from its definition in {@link ScanSpec}. */
  private static List<KeyVersion> modelScan(
      TreeMap<String, List<EntryRef>> model, ScanSpec spec, long top) {
    long viewTx = spec.atTx() == 0 ? top : spec.atTx();
    List<KeyVersion> out = new ArrayList<>();
    Map<String, List<EntryRef>> ordered = spec.desc() ? model.descendingMap() : model;
    for (Map.Entry<String, List<EntryRef>> e : ordered.entrySet()) {
      byte[] k = HEX.parseHex(e.getKey());
      Optional<EntryRef> v = last(upTo(e.getValue(), viewTx));
      if (v.isEmpty() || !startsWith(k, spec.prefix())) {
        continue;
      }
      int sign = spec.desc() ? -1 : 1;
      if (spec.seekKey() != null) {
        int c = sign * Arrays.compareUnsigned(k, spec.seekKey());
        if (c < 0 || (c == 0 && !spec.inclusiveSeek())) {
          continue;
        }
      }
      if (spec.endKey() != null) {
        int c = sign * Arrays.compareUnsigned(k, spec.endKey());
        if (c > 0 || (c == 0 && !spec.inclusiveEnd())) {
          continue;
        }
      }
      if (out.size() < spec.limit()) {
        out.add(new KeyVersion(k, v.get()));
      }
    }
    return out;
  }

  private static List<EntryRef> upTo(List<EntryRef> versions, long tx) {
    return versions.stream().filter(r -> r.txId() <= tx).toList();
  }

  private static Optional<EntryRef> last(List<EntryRef> l) {
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
  }

  private static boolean startsWith(byte[] k, byte[] p) {
    return k.length >= p.length && Arrays.equals(k, 0, p.length, p, 0, p.length);
  }

  private static byte[] randomKey(Random rnd, int maxLen) {
    byte[] k = new byte[rnd.nextInt(maxLen + 1)];
    for (int i = 0; i < k.length; i++) {
      k[i] = ALPHABET[rnd.nextInt(ALPHABET.length)];
    }
    return k;
  }

  @Provide
  Arbitrary<List<List<byte[]>>> workloads() {
    Arbitrary<byte[]> key =
        Arbitraries.of(ALPHABET[0], ALPHABET[1], ALPHABET[2], ALPHABET[3])
            .array(byte[].class)
            .ofMaxSize(3);
    // a tx: 1..5 distinct keys
    Arbitrary<List<byte[]>> tx =
        key.list().ofMinSize(1).ofMaxSize(5).map(KeyIndexProperties::distinct);
    return tx.list().ofMinSize(1).ofMaxSize(16);
  }

  @Provide
  Arbitrary<List<Integer>> batchSizes() {
    return Arbitraries.integers().between(1, 6).list().ofMinSize(1).ofMaxSize(4);
  }

  private static List<byte[]> distinct(List<byte[]> keys) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (byte[] k : keys) {
      seen.add(HEX.formatHex(k));
    }
    return seen.stream().map(HEX::parseHex).toList();
  }
}
