package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HistoryKeyCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void versionKeyGoldenBytes() {
    byte[] k = HEX.parseHex("0061ff00");
    assertThat(HEX.formatHex(HistoryKeyCodec.versionKey(k, 0x0102030405060708L)))
        .isEqualTo("00ff61ff00ff" + "0000" + "0102030405060708");
    assertThat(HEX.formatHex(HistoryKeyCodec.versionKey(new byte[0], 1)))
        .isEqualTo("0000" + "0000000000000001");
    assertThat(HEX.formatHex(HistoryKeyCodec.group(k))).isEqualTo("00ff61ff00ff0000");
    assertThat(HEX.formatHex(HistoryKeyCodec.groupEnd(k))).isEqualTo("00ff61ff00ff0001");
    assertThat(HEX.formatHex(HistoryKeyCodec.escape(k))).isEqualTo("00ff61ff00ff");
  }

  @Test
  void decodesKeyAndTx() {
    byte[] k = HEX.parseHex("00000161ff");
    byte[] hk = HistoryKeyCodec.versionKey(k, 42);
    assertThat(HistoryKeyCodec.storedKey(hk)).isEqualTo(k);
    assertThat(HistoryKeyCodec.storedKey(HistoryKeyCodec.groupOf(hk))).isEqualTo(k);
    assertThat(HistoryKeyCodec.txId(hk)).isEqualTo(42);
    assertThat(HistoryKeyCodec.inGroup(hk, HistoryKeyCodec.group(k))).isTrue();
    assertThat(HistoryKeyCodec.inGroup(hk, HistoryKeyCodec.group(HEX.parseHex("0000")))).isFalse();
    assertThat(HistoryKeyCodec.versionKeyOfGroup(HistoryKeyCodec.group(k), 42)).isEqualTo(hk);
    assertThat(HistoryKeyCodec.endOfGroup(HistoryKeyCodec.group(k)))
        .isEqualTo(HistoryKeyCodec.groupEnd(k));
  }

  @Test
  void rejectsMalformedKeys() {
    // 00 followed by 01 is no token; a key without terminator; a key too short for a tx id
    for (String bad : new String[] {"610001", "6162", "61ff"}) {
      assertThatThrownBy(() -> HistoryKeyCodec.storedKey(HEX.parseHex(bad)))
          .isInstanceOf(ImmuException.class)
          .satisfies(e -> assertThat(((ImmuException) e).code()).isEqualTo(ErrorCode.DATA_LOSS));
    }
    assertThatThrownBy(() -> HistoryKeyCodec.groupOf(HEX.parseHex("0000")))
        .isInstanceOf(ImmuException.class);
  }
}
