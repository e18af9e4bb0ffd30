package io.immudb.embedded.internal.index;

import static io.immudb.embedded.internal.index.KeyIndexTest.k;
import static io.immudb.embedded.internal.index.KeyIndexTest.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries of {@link IndexSnapshot} over a fixed index with keys that are prefixes of each other,
 * keys holding {@code 00} and {@code FF} bytes, several namespaces, and keys with many versions.
 */
class IndexQueryTest {
  private static final HexFormat HEX = HexFormat.of();
  // the stored keys in unsigned order, as hex: namespace 00, then 01, then raw FF keys
  private static final String EMPTY = "00";
  private static final String A = "0061";
  private static final String A0 = "006100";
  private static final String A00 = "00610000";
  private static final String AB = "006162";
  private static final String AFF = "0061ff";
  private static final String B = "0062";
  private static final String C = "0063";
  private static final String FF = "00ff";
  private static final String NS1 = "0161";
  private static final String RAW_FF = "ff";
  private static final String RAW_FFFF = "ffff";
  private static final String RAW_FFFF00 = "ffff00";

  @TempDir Path dir;
  private KeyIndex index;
  private IndexSnapshot snap;

  @BeforeEach
  void fill() throws Exception {
    index = KeyIndex.open(dir);
    index.apply(
        List.of(
            tx(1, A, AB, B),
            tx(2, A, A0, A00),
            tx(3, AB, AFF, FF, EMPTY),
            tx(4, B, C, NS1, RAW_FF, RAW_FFFF, RAW_FFFF00)));
    index.apply(List.of(tx(5, A)));
    snap = index.snapshot();
  }

  @AfterEach
  void close() {
    snap.close();
    index.close();
  }

  @Test
  void getAndGetAt() {
    assertThat(snap.get(h(A))).contains(ref(5, 0));
    assertThat(snap.get(k("zz"))).isEmpty();
    assertThat(snap.getAt(h(A), 0)).isEmpty();
    assertThat(snap.getAt(h(A), 1)).contains(ref(1, 0));
    assertThat(snap.getAt(h(A), 3)).contains(ref(2, 0));
    assertThat(snap.getAt(h(A), 4)).contains(ref(2, 0));
    assertThat(snap.getAt(h(A), 5)).contains(ref(5, 0));
    assertThat(snap.getAt(h(A), 99)).contains(ref(5, 0));
    assertThat(snap.getAt(h(C), 3)).isEmpty();
    // a key that is a prefix of others never picks up their versions
    assertThat(snap.getAt(h(EMPTY), 2)).isEmpty();
    assertThat(snap.getAt(h(A0), 1)).isEmpty();
  }

  @Test
  void historyAndVersionCount() {
    assertThat(snap.versionCount(h(A))).isEqualTo(3);
    assertThat(snap.versionCount(h(A00))).isEqualTo(1);
    assertThat(snap.versionCount(k("zz"))).isZero();
    assertThat(snap.history(h(A), 0, 10, false)).containsExactly(ref(1, 0), ref(2, 0), ref(5, 0));
    assertThat(snap.history(h(A), 0, 10, true)).containsExactly(ref(5, 0), ref(2, 0), ref(1, 0));
    assertThat(snap.history(h(A), 1, 1, false)).containsExactly(ref(2, 0));
    assertThat(snap.history(h(A), 1, 5, true)).containsExactly(ref(2, 0), ref(1, 0));
    assertThat(snap.history(h(A), 0, 2, true)).containsExactly(ref(5, 0), ref(2, 0));
    assertThat(snap.history(h(A), 3, 5, false)).isEmpty();
    assertThat(snap.history(h(A), 10, 5, true)).isEmpty();
    assertThat(snap.history(h(EMPTY), 0, 5, false)).containsExactly(ref(3, 3));
  }

  @Test
  void scanWholeIndexBothWays() {
    List<String> all =
        List.of(EMPTY, A, A0, A00, AB, AFF, B, C, FF, NS1, RAW_FF, RAW_FFFF, RAW_FFFF00);
    assertThat(keys(scan(ScanSpec.builder()))).isEqualTo(all);
    assertThat(keys(scan(ScanSpec.builder().desc(true)))).isEqualTo(reversed(all));
    assertThat(scan(ScanSpec.builder().prefix(h(A)).limit(1)))
        .containsExactly(new KeyVersion(h(A), ref(5, 0)));
  }

  @Test
  void scanPrefix() {
    assertThat(keys(scan(ScanSpec.builder().prefix(h("00")))))
        .containsExactly(EMPTY, A, A0, A00, AB, AFF, B, C, FF);
    assertThat(keys(scan(ScanSpec.builder().prefix(h(A))))).containsExactly(A, A0, A00, AB, AFF);
    assertThat(keys(scan(ScanSpec.builder().prefix(h(A)).desc(true))))
        .containsExactly(AFF, AB, A00, A0, A);
    assertThat(keys(scan(ScanSpec.builder().prefix(h(A0))))).containsExactly(A0, A00);
    assertThat(keys(scan(ScanSpec.builder().prefix(h(A0)).desc(true)))).containsExactly(A00, A0);
    assertThat(keys(scan(ScanSpec.builder().prefix(h(RAW_FFFF)).desc(true))))
        .containsExactly(RAW_FFFF00, RAW_FFFF);
    assertThat(keys(scan(ScanSpec.builder().prefix(h(FF)).desc(true)))).containsExactly(FF);
    assertThat(scan(ScanSpec.builder().prefix(h("0064")))).isEmpty();
    assertThat(scan(ScanSpec.builder().prefix(h("0064")).desc(true))).isEmpty();
  }

  @Test
  void scanSeekExclusiveAndInclusive() {
    assertThat(keys(scan(prefixA().seekKey(h(A), false)))).containsExactly(A0, A00, AB, AFF);
    assertThat(keys(scan(prefixA().seekKey(h(A), true)))).containsExactly(A, A0, A00, AB, AFF);
    assertThat(keys(scan(prefixA().seekKey(h("006101"), false)))).containsExactly(AB, AFF);
    assertThat(keys(scan(prefixA().seekKey(h(AB), false).desc(true)))).containsExactly(A00, A0, A);
    assertThat(keys(scan(prefixA().seekKey(h(AB), true).desc(true))))
        .containsExactly(AB, A00, A0, A);
    assertThat(keys(scan(prefixA().seekKey(h(A), false).desc(true)))).isEmpty();
    // seek keys outside the prefix range
    assertThat(keys(scan(prefixA().seekKey(h(B), false).desc(false)))).isEmpty();
    assertThat(keys(scan(prefixA().seekKey(h(EMPTY), false).desc(false))))
        .containsExactly(A, A0, A00, AB, AFF);
    assertThat(keys(scan(prefixA().seekKey(h(B), false).desc(true))))
        .containsExactly(AFF, AB, A00, A0, A);
    assertThat(keys(scan(prefixA().seekKey(h(EMPTY), true).desc(true)))).isEmpty();
  }

  @Test
  void scanEndKey() {
    assertThat(keys(scan(ns0().endKey(h(AB), false)))).containsExactly(EMPTY, A, A0, A00);
    assertThat(keys(scan(ns0().endKey(h(AB), true)))).containsExactly(EMPTY, A, A0, A00, AB);
    assertThat(keys(scan(ns0().endKey(h(B), false).desc(true)))).containsExactly(FF, C);
    assertThat(keys(scan(ns0().endKey(h(B), true).desc(true)))).containsExactly(FF, C, B);
    assertThat(keys(scan(ns0().endKey(h(A), true).seekKey(h(A00), false).desc(true))))
        .containsExactly(A0, A);
    assertThat(keys(scan(ns0().endKey(h(AFF), false).seekKey(h(A), false).desc(false).limit(2))))
        .containsExactly(A0, A00);
  }

  @Test
  void scanInThePast() {
    assertThat(scan(ns0().atTx(1))).containsExactly(kv(A, 1, 0), kv(AB, 1, 1), kv(B, 1, 2));
    assertThat(scan(ns0().atTx(2)))
        .containsExactly(kv(A, 2, 0), kv(A0, 2, 1), kv(A00, 2, 2), kv(AB, 1, 1), kv(B, 1, 2));
    assertThat(scan(ns0().atTx(4).desc(true).limit(3)))
        .containsExactly(kv(FF, 3, 2), kv(C, 4, 1), kv(B, 4, 0));
    assertThat(scan(ns0().atTx(3).desc(true).seekKey(h(AB), false)))
        .containsExactly(kv(A00, 2, 2), kv(A0, 2, 1), kv(A, 2, 0), kv(EMPTY, 3, 3));
    assertThat(scan(ns0().atTx(2).desc(false).seekKey(h(A0), true).endKey(h(AB), true)))
        .containsExactly(kv(A0, 2, 1), kv(A00, 2, 2), kv(AB, 1, 1));
    assertThat(scan(ns0().atTx(5).desc(false).seekKey(null, false).endKey(null, false)))
        .isEqualTo(scan(ScanSpec.builder().prefix(h("00"))));
    assertThat(scan(ScanSpec.builder().atTx(3).prefix(h(RAW_FF)))).isEmpty();
  }

  @Test
  void count() {
    assertThat(snap.count(new byte[0], 0)).isEqualTo(13);
    assertThat(snap.count(h("00"), 0)).isEqualTo(9);
    assertThat(snap.count(h(A), 0)).isEqualTo(5);
    assertThat(snap.count(h(A), 5)).isEqualTo(5);
    assertThat(snap.count(h("00"), 1)).isEqualTo(3);
    assertThat(snap.count(h(A), 2)).isEqualTo(4);
    assertThat(snap.count(h(RAW_FF), 3)).isZero();
    assertThat(snap.count(h(RAW_FF), 4)).isEqualTo(3);
  }

  @Test
  void keysWithManyVersionsInThePast() {
    // "m" and "n" get a version in every tx 6..40, "o" only in tx 40, so a past view must skip
    // over long runs of versions in both directions
    List<TxIndexBatch> txs = new ArrayList<>();
    for (int t = 6; t <= 40; t++) {
      txs.add(t == 40 ? KeyIndexTest.tx(t, "m", "n", "o") : KeyIndexTest.tx(t, "m", "n"));
    }
    index.apply(txs);
    try (IndexSnapshot s = index.snapshot()) {
      for (long at : new long[] {5, 6, 7, 11, 12, 20, 39, 40}) {
        List<KeyVersion> want = new ArrayList<>();
        if (at >= 6) {
          want.add(new KeyVersion(k("m"), ref(at, 0)));
          want.add(new KeyVersion(k("n"), ref(at, 1)));
        }
        if (at >= 40) {
          want.add(new KeyVersion(k("o"), ref(at, 2)));
        }
        ScanSpec asc =
            ScanSpec.builder().seekKey(k("l"), false).endKey(k("p"), false).atTx(at).build();
        assertThat(s.scan(asc)).as("at %d", at).isEqualTo(want);
        ScanSpec desc =
            ScanSpec.builder()
                .seekKey(k("p"), true)
                .endKey(k("l"), true)
                .atTx(at)
                .desc(true)
                .build();
        assertThat(s.scan(desc)).as("desc at %d", at).isEqualTo(reversed(want));
        assertThat(s.getAt(k("m"), at))
            .isEqualTo(at >= 6 ? java.util.Optional.of(ref(at, 0)) : s.getAt(k("m"), 0));
      }
      assertThat(s.history(k("m"), 30, 100, false)).hasSize(5);
      assertThat(s.history(k("m"), 30, 100, true)).hasSize(5).startsWith(ref(10, 0));
    }
  }

  private static ScanSpec.Builder ns0() {
    return ScanSpec.builder().prefix(h("00"));
  }

  private static ScanSpec.Builder prefixA() {
    return ScanSpec.builder().prefix(h(A));
  }

  private List<KeyVersion> scan(ScanSpec.Builder b) {
    return snap.scan(b.build());
  }

  private static TxIndexBatch tx(long t, String... hexKeys) {
    List<byte[]> ks = new ArrayList<>();
    List<EntryRef> refs = new ArrayList<>();
    for (int i = 0; i < hexKeys.length; i++) {
      ks.add(h(hexKeys[i]));
      refs.add(ref(t, i));
    }
    return new TxIndexBatch(t, ks, refs);
  }

  private static KeyVersion kv(String hexKey, long t, int i) {
    return new KeyVersion(h(hexKey), ref(t, i));
  }

  private static List<String> keys(List<KeyVersion> kvs) {
    return kvs.stream().map(kv -> HEX.formatHex(kv.storedKey())).toList();
  }

  private static <T> List<T> reversed(List<T> l) {
    List<T> out = new ArrayList<>(l);
    java.util.Collections.reverse(out);
    return out;
  }

  private static byte[] h(String hex) {
    return HEX.parseHex(hex);
  }
}
