package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.core.crypto.Sha256Digest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EntryRefCodecTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Sha256Digest H =
      Sha256Digest.fromHex("aea3cbb336f4d494d8b5a157aedfc480a45a6de7c0968e085433b214f9b41ef7");

  @Test
  void goldenBytes() {
    EntryRef ref = new EntryRef(0x0102030405060708L, 9, 0x0A0B0C0D0E0F1011L, 0x12131415, H);
    String want = "0102030405060708" + "00000009" + "0a0b0c0d0e0f1011" + "12131415" + H.toHex();
    assertThat(HEX.formatHex(EntryRefCodec.encode(ref))).isEqualTo(want);
    assertThat(EntryRefCodec.decode(HEX.parseHex(want))).isEqualTo(ref);
  }

  @Test
  void anInlineValueOffsetKeepsItsFlagBit() {
    // TxRecordCodec.INLINE is bit 62: the vOff of a value stored inline at tx-log offset 0x1234.
    long vOff = (1L << 62) | 0x1234;
    EntryRef ref = new EntryRef(7, 3, vOff, 100, H);
    byte[] encoded = EntryRefCodec.encode(ref);
    assertThat(HEX.formatHex(encoded, 12, 20)).isEqualTo("4000000000001234");
    assertThat(EntryRefCodec.decode(encoded)).isEqualTo(ref);
    assertThat(EntryRefCodec.decode(encoded).vOff()).isEqualTo(vOff);
  }

  @Test
  void u64() {
    assertThat(HEX.formatHex(EntryRefCodec.encodeU64(258))).isEqualTo("0000000000000102");
    assertThat(EntryRefCodec.decodeU64(EntryRefCodec.encodeU64(258))).isEqualTo(258);
    assertThat(EntryRefCodec.decodeU64(null)).isZero();
  }

  @Test
  void malformedValuesAreDataLoss() {
    byte[] good = EntryRefCodec.encode(new EntryRef(1, 0, 0, 0, H));
    byte[] zeroTx = good.clone();
    zeroTx[7] = 0;
    byte[][] bad = {new byte[55], new byte[57], zeroTx};
    for (byte[] b : bad) {
      assertThatThrownBy(() -> EntryRefCodec.decode(b))
          .isInstanceOf(ImmuException.class)
          .satisfies(e -> assertThat(((ImmuException) e).code()).isEqualTo(ErrorCode.DATA_LOSS));
    }
    assertThatThrownBy(() -> EntryRefCodec.decodeU64(new byte[7]))
        .isInstanceOf(ImmuException.class);
    assertThatThrownBy(() -> EntryRefCodec.decodeU64(HEX.parseHex("8000000000000000")))
        .isInstanceOf(ImmuException.class);
  }
}
