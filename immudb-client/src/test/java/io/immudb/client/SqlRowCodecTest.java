package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.client.internal.SqlRowCodec;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's reading of SQL row keys and values (docs/design/sql.md, "Key layout"). */
class SqlRowCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void rowKeysEncodeEachPrimaryKeyColumnInOrder() throws Exception {
    byte[] k =
        SqlRowCodec.rowKey(1, 2, List.of("VARCHAR", "INTEGER"), List.<Object>of("a\u0000", -1L));
    // 0x02 "R." u32(1) u32(2) | 0x01 'a' 00 ff 00 01 | 0x01 (-1 ^ sign bit)
    assertThat(HEX.formatHex(k))
        .isEqualTo(
            "02522e" + "00000001" + "00000002" + "01" + "6100ff0001" + "01" + "7fffffffffffffff");
    byte[] b = SqlRowCodec.rowKey(1, 3, List.of("BOOLEAN", "BLOB"), List.of(true, new byte[] {0}));
    assertThat(HEX.formatHex(b)).endsWith("0101" + "01" + "00ff0001");
  }

  @Test
  void aValueOfAnotherTypeIsNotTheRowAskedFor() {
    assertThatThrownBy(() -> SqlRowCodec.rowKey(1, 2, List.of("INTEGER"), List.of("1")))
        .isInstanceOfSatisfying(
            VerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ENTRY_MISMATCH));
    assertThatThrownBy(() -> SqlRowCodec.rowKey(1, 2, List.of("INTEGER"), List.of(1L, 2L)))
        .isInstanceOf(VerificationException.class);
  }

  @Test
  void rowValuesDecodeByColumnIdAndLeaveNullsOut() throws Exception {
    // version 1, 3 columns: id 1 = 5, id 3 = "hi", id 4 = true (id 2 NULL)
    byte[] v =
        HEX.parseHex(
            "01"
                + "00000003"
                + "00000001"
                + "0000000000000005"
                + "00000003"
                + "00000002"
                + "6869"
                + "00000004"
                + "01");
    Map<Integer, Object> row =
        SqlRowCodec.decodeRow(v, Map.of(1, "INTEGER", 2, "BLOB", 3, "VARCHAR", 4, "BOOLEAN"));
    assertThat(row).containsExactlyInAnyOrderEntriesOf(Map.of(1, 5L, 3, "hi", 4, true));
    assertThat(SqlRowCodec.isTombstone(new byte[] {0})).isTrue();
    assertThat(SqlRowCodec.isTombstone(v)).isFalse();
  }

  @Test
  void malformedRowValuesAreRejected() {
    Map<Integer, String> types = Map.of(1, "VARCHAR");
    for (String hex : List.of("02", "0100000001", "01000000010000000100000009", "010000000000")) {
      assertThatThrownBy(() -> SqlRowCodec.decodeRow(HEX.parseHex(hex), types))
          .as(hex)
          .isInstanceOfSatisfying(
              VerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PROOF));
    }
  }
}
