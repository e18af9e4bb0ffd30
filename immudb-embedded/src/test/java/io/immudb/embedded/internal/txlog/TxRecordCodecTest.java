package io.immudb.embedded.internal.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.tx.TxHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** Format-2 tx records: inline and value-log entries, their offsets and the decoder's checks. */
class TxRecordCodecTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Sha256Hasher H = Sha256Hasher.create();

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static TxHeader header(long id, int n) {
    return new TxHeader(
        id, Sha256Digest.EMPTY, 1_700_000_000L, n, H.hash(b("eh")), id - 1, Sha256Digest.ZERO);
  }

  /** One record: its entries' keys and values, which of them are inline, and where it goes. */
  private record Spec(
      long recordOff, long valuesOff, byte[][] keys, byte[][] values, boolean[] inline) {
    byte[][] inlineValues() {
      byte[][] out = new byte[keys.length][];
      for (int i = 0; i < keys.length; i++) {
        out[i] = inline[i] ? values[i] : null;
      }
      return out;
    }

    /** Value-log offsets as the writer assigns them: back to back after the record prefix. */
    long[] logOffsets() {
      long[] out = new long[keys.length];
      long at = valuesOff + ValueRecordCodec.PREFIX_LENGTH;
      for (int i = 0; i < keys.length; i++) {
        if (!inline[i]) {
          out[i] = at;
          at += values[i].length;
        }
      }
      return out;
    }

    int valuesLen() {
      long bytes = 0;
      boolean any = false;
      for (int i = 0; i < keys.length; i++) {
        if (!inline[i]) {
          bytes += values[i].length;
          any = true;
        }
      }
      return any ? ValueRecordCodec.encodedLength(bytes) : 0;
    }

    ByteBuffer encode() {
      long keyBytes = 0;
      long inlineBytes = 0;
      int[] vLens = new int[keys.length];
      Sha256Digest[] hValues = new Sha256Digest[keys.length];
      for (int i = 0; i < keys.length; i++) {
        keyBytes += keys[i].length;
        inlineBytes += inline[i] ? values[i].length : 0;
        vLens[i] = values[i].length;
        hValues[i] = H.hash(values[i]);
      }
      int len = TxRecordCodec.encodedLength(keys.length, keyBytes, inlineBytes);
      ByteBuffer dst = ByteBuffer.allocate(len);
      TxRecordCodec.encode(
          dst,
          recordOff,
          header(9, keys.length),
          valuesOff,
          valuesLen(),
          keys,
          vLens,
          logOffsets(),
          hValues,
          inlineValues());
      assertThat(dst.position()).isEqualTo(len);
      return dst.flip();
    }
  }

  private static final Spec MIXED =
      new Spec(
          1000,
          500,
          new byte[][] {b("a"), b("bb"), b("c"), b("d"), b("e")},
          new byte[][] {b("xy"), b("value-log"), new byte[0], b(""), b("zzz")},
          new boolean[] {true, false, true, false, true});

  @Test
  void goldenBytesOfInlineAndValueLogEntries() {
    Spec spec =
        new Spec(
            1000,
            500,
            new byte[][] {b("a"), b("b")},
            new byte[][] {b("xy"), b("pqr")},
            new boolean[] {true, false});
    byte[] rec = spec.encode().array();
    int len = 144 + 2 * 48 + 2 + 2 + 4;
    assertThat(rec).hasSize(len);
    ByteBuffer r = ByteBuffer.wrap(rec);
    assertThat(r.getInt(0)).isEqualTo(len);
    assertThat(r.getLong(128)).as("valuesOff").isEqualTo(500);
    assertThat(r.getInt(136)).as("valuesLen").isEqualTo(12 + 3 + 4);
    // Inline values start after the entries: 1000 + 144 + 2 · (48 + 1) = 1242 = 0x4da.
    String entries =
        "00000001"
            + "61"
            + "00000002"
            + "40000000000004da"
            + H.hash(b("xy")).toHex()
            + "00000001"
            + "62"
            + "00000003"
            + "0000000000000200" // 500 + 12
            + H.hash(b("pqr")).toHex()
            + "7879";
    assertThat(HEX.formatHex(rec, 144, len - 4)).isEqualTo(entries);
    CRC32C crc = new CRC32C();
    crc.update(rec, 0, len - 4);
    assertThat(r.getInt(len - 4)).isEqualTo((int) crc.getValue());
  }

  @Test
  void mixedEntriesRoundTrip() throws RecordException {
    TxRecord rec = TxRecordCodec.decode(MIXED.encode(), 9, MIXED.recordOff());
    long[] logOffsets = MIXED.logOffsets();
    long inlineAt = MIXED.recordOff() + 144 + 5 * 48 + 6;
    for (int i = 0; i < 5; i++) {
      assertThat(rec.entries().get(i).key()).isEqualTo(MIXED.keys()[i]);
      assertThat(rec.entries().get(i).vLen()).isEqualTo(MIXED.values()[i].length);
      assertThat(rec.entries().get(i).hValue()).isEqualTo(H.hash(MIXED.values()[i]));
      if (MIXED.inline()[i]) {
        assertThat(TxRecordCodec.isInline(rec.vOff(i))).isTrue();
        assertThat(TxRecordCodec.logOffset(rec.vOff(i))).isEqualTo(inlineAt);
        inlineAt += MIXED.values()[i].length;
      } else {
        assertThat(rec.vOff(i)).isEqualTo(logOffsets[i]);
      }
    }
    assertThat(rec.valuesOff()).isEqualTo(500);
    assertThat(rec.valuesLen()).isEqualTo(MIXED.valuesLen());
    assertThat(rec.header()).isEqualTo(header(9, 5));
  }

  @Test
  void anAllInlineRecordHasNoValueRecordAndAFormat1RecordNoInlineValue() throws RecordException {
    Spec inline =
        new Spec(
            64, 777, new byte[][] {b("k")}, new byte[][] {new byte[4096]}, new boolean[] {true});
    TxRecord rec = TxRecordCodec.decode(inline.encode(), 9, 64);
    assertThat(rec.valuesLen()).isZero();
    assertThat(rec.valuesOff()).isEqualTo(777);
    assertThat(TxRecordCodec.logOffset(rec.vOff(0))).isEqualTo(64 + 144 + 48 + 1);

    Spec v1 =
        new Spec(
            0,
            0,
            new byte[][] {b("k"), b("l")},
            new byte[][] {new byte[0], b("v")},
            new boolean[] {false, false});
    TxRecord old = TxRecordCodec.decode(v1.encode(), 9, 0);
    assertThat(old.vOff(0)).isEqualTo(12);
    assertThat(old.vOff(1)).isEqualTo(12);
    assertThat(old.valuesLen()).isEqualTo(12 + 1 + 4);
  }

  @Test
  void aRecordDecodedAtAnotherOffsetIsRefused() {
    ByteBuffer rec = MIXED.encode();
    assertThatThrownBy(() -> TxRecordCodec.decode(rec.duplicate(), 9, MIXED.recordOff() + 1))
        .isInstanceOf(RecordException.class)
        .hasMessage("tx record entry 0 points elsewhere than its inline value");
  }

  @Test
  void malformedOffsetsAreRefusedEvenWithAValidChecksum() {
    int entry0 = 144 + 4 + 1 + 4; // vOff of entry 0 (key "a")
    int entry1 = entry0 + 8 + 32 + 4 + 2 + 4; // vOff of entry 1 (key "bb")
    String misplaced = "tx record entry 0 points elsewhere than its inline value";
    assertRefused(
        entry0, 1L << 62 | 1L << 63, "tx record entry 0 has a bad value length or offset");
    assertRefused(entry1, 500 + 11, "tx record entry 1 points outside its value record");
    assertRefused(entry1, 500 + 12 + 9 + 1, "tx record entry 1 points outside its value record");
    assertRefused(
        entry0, TxRecordCodec.inlineVOff(MIXED.recordOff() + 144 + 5 * 48 + 6 + 2), misplaced);
    // A value-log entry in a tx that has no value record.
    ByteBuffer noValues = patched(136, 4, 0);
    assertThatThrownBy(() -> TxRecordCodec.decode(noValues, 9, MIXED.recordOff()))
        .isInstanceOf(RecordException.class)
        .hasMessage("tx record entry 1 points outside its value record");
  }

  @Test
  void trailingBytesAfterTheInlineValuesAreRefused() {
    Spec spec =
        new Spec(0, 0, new byte[][] {b("k")}, new byte[][] {b("abc")}, new boolean[] {true});
    ByteBuffer good = spec.encode();
    byte[] longer = new byte[good.remaining() + 1];
    good.get(longer, 0, good.limit() - 4);
    ByteBuffer r = ByteBuffer.wrap(longer).putInt(0, longer.length);
    fixChecksums(r);
    assertThatThrownBy(() -> TxRecordCodec.decode(r, 9, 0))
        .isInstanceOf(RecordException.class)
        .hasMessage("tx record has 1 trailing bytes");
  }

  @Test
  void encodeChecksItsArguments() {
    ByteBuffer dst = ByteBuffer.allocate(1024);
    Sha256Digest[] hv = {H.hash(b("x"))};
    assertThatThrownBy(
            () ->
                TxRecordCodec.encode(
                    dst,
                    0,
                    header(1, 1),
                    0,
                    0,
                    new byte[][] {b("k")},
                    new int[] {2},
                    new long[1],
                    hv,
                    new byte[][] {b("x")}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TxRecordCodec.inlineVOff(1L << 62))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TxRecordCodec.inlineVOff(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRefused(int at, long vOff, String message) {
    ByteBuffer bad = patched(at, 8, vOff);
    assertThatThrownBy(() -> TxRecordCodec.decode(bad, 9, MIXED.recordOff()))
        .isInstanceOf(RecordException.class)
        .hasMessage(message);
  }

  /** MIXED with the {@code width}-byte field at {@code at} set to {@code v}, checksums fixed. */
  private static ByteBuffer patched(int at, int width, long v) {
    ByteBuffer r = MIXED.encode();
    if (width == 8) {
      r.putLong(at, v);
    } else {
      r.putInt(at, (int) v);
    }
    fixChecksums(r);
    return r;
  }

  private static void fixChecksums(ByteBuffer r) {
    r.putInt(140, TxRecordCodec.crc(r, 0, 140));
    r.putInt(r.limit() - 4, TxRecordCodec.crc(r, 0, r.limit() - 4));
  }
}
