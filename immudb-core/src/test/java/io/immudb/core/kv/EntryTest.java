package io.immudb.core.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryTest {
  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void arraysAreCopiedInAndOut() {
    byte[] key = b("k");
    byte[] value = b("v");
    Entry e = new Entry(3, key, value, null);
    key[0] = 'x';
    value[0] = 'x';
    e.key()[0] = 'y';
    e.value()[0] = 'y';
    assertThat(e.keyAsString()).isEqualTo("k");
    assertThat(e.valueAsString()).isEqualTo("v");
    assertThat(e.tx()).isEqualTo(3);
    assertThat(e.referencedBy()).isEmpty();
  }

  @Test
  void equalityIsByContentIncludingTheReference() {
    Reference r = new Reference(5, b("ref"), 0);
    Entry a = new Entry(3, b("k"), b("v"), r);
    assertThat(a)
        .isEqualTo(new Entry(3, b("k"), b("v"), new Reference(5, b("ref"), 0)))
        .hasSameHashCodeAs(new Entry(3, b("k"), b("v"), r))
        .isNotEqualTo(new Entry(3, b("k"), b("v"), null))
        .isNotEqualTo(new Entry(3, b("k"), b("w"), r));
    assertThat(a.referencedBy()).contains(r);
    assertThat(r).isNotEqualTo(new Reference(5, b("ref"), 1));
  }

  @Test
  void zEntriesCompareTheirMemberAndEntry() {
    Entry e = new Entry(3, b("k"), b("v"), null);
    ZEntry z = new ZEntry(b("set"), b("k"), e, 1.5, 0);
    assertThat(z)
        .isEqualTo(new ZEntry(b("set"), b("k"), e, 1.5, 0))
        .isNotEqualTo(new ZEntry(b("set"), b("k"), e, 2.5, 0));
    assertThat(z.toString()).contains("\"set\"", "score=1.5");
  }

  @Test
  void toStringShowsTextOrHexButNoValueBytes() {
    Entry e = new Entry(3, new byte[] {(byte) 0xff}, b("secret"), null);
    assertThat(e.toString()).contains("0xff", "6 value bytes").doesNotContain("secret");
  }
}
