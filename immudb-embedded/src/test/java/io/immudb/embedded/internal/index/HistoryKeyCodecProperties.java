package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The history key preserves unsigned key order, then tx order, and the prefix relation. */
class HistoryKeyCodecProperties {

  @Property(tries = 2000)
  void orderIsKeyThenTx(
      @ForAll("keys") byte[] a,
      @ForAll("txIds") long ta,
      @ForAll("keys") byte[] b,
      @ForAll("txIds") long tb) {
    int want = Arrays.compareUnsigned(a, b);
    if (want == 0) {
      want = Long.compare(ta, tb);
    }
    int got =
        Arrays.compareUnsigned(
            HistoryKeyCodec.versionKey(a, ta), HistoryKeyCodec.versionKey(b, tb));
    assertThat(Integer.signum(got)).isEqualTo(Integer.signum(want));
  }

  @Property(tries = 2000)
  void groupBoundsEnclosExactlyTheKeysVersions(
      @ForAll("keys") byte[] a, @ForAll("keys") byte[] b, @ForAll("txIds") long tb) {
    byte[] vb = HistoryKeyCodec.versionKey(b, tb);
    int cmp = Arrays.compareUnsigned(b, a);
    assertThat(Arrays.compareUnsigned(vb, HistoryKeyCodec.group(a)) > 0).isEqualTo(cmp >= 0);
    assertThat(Arrays.compareUnsigned(vb, HistoryKeyCodec.groupEnd(a)) < 0).isEqualTo(cmp <= 0);
    assertThat(HistoryKeyCodec.inGroup(vb, HistoryKeyCodec.group(a))).isEqualTo(cmp == 0);
  }

  @Property(tries = 2000)
  void prefixRelationIsPreserved(@ForAll("keys") byte[] k, @ForAll("keys") byte[] p) {
    byte[] esc = HistoryKeyCodec.escape(p);
    byte[] g = HistoryKeyCodec.group(k);
    boolean escaped = g.length >= esc.length && Arrays.equals(g, 0, esc.length, esc, 0, esc.length);
    boolean plain = k.length >= p.length && Arrays.equals(k, 0, p.length, p, 0, p.length);
    assertThat(escaped).isEqualTo(plain);
  }

  @Property(tries = 2000)
  void roundTrips(@ForAll("keys") byte[] k, @ForAll("txIds") long tx) {
    byte[] hk = HistoryKeyCodec.versionKey(k, tx);
    assertThat(HistoryKeyCodec.storedKey(hk)).isEqualTo(k);
    assertThat(HistoryKeyCodec.txId(hk)).isEqualTo(tx);
  }

  @Property(tries = 2000)
  void writingInPlaceEqualsVersionKey(@ForAll("keys") byte[] k, @ForAll("txIds") long tx) {
    byte[] want = HistoryKeyCodec.versionKey(k, tx);
    byte[] out = new byte[3 + HistoryKeyCodec.versionKeyLength(k) + 2];
    int n = HistoryKeyCodec.writeVersionKey(k, tx, out, 3);
    assertThat(n).isEqualTo(want.length);
    assertThat(Arrays.copyOfRange(out, 3, 3 + n)).isEqualTo(want);
  }

  @Provide
  Arbitrary<byte[]> keys() {
    // a tiny alphabet with the bytes that matter, so prefixes and equal keys are frequent
    return Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x7F, (byte) 0x80, (byte) 0xFF)
        .array(byte[].class)
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<Long> txIds() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(1, 300), Arbitraries.longs().between(1, Long.MAX_VALUE));
  }
}
