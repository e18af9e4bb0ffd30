package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncodingTest {
  @Test
  void eachEncodingReadsWhatItWrites() {
    byte[] bytes = {0, (byte) 0xff, 'a'};
    for (Encoding e : Encoding.values()) {
      if (e != Encoding.TEXT) {
        assertThat(e.decode(e.encode(bytes))).isEqualTo(bytes);
      }
    }
    assertThat(Encoding.TEXT.encode("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("héllo");
    assertThat(Encoding.TEXT.encode(new byte[] {(byte) 0xff})).isEqualTo("hex:ff");
    assertThat(Encoding.HEX.encode(bytes)).isEqualTo("00ff61");
    assertThat(Encoding.BASE64.decode("AP9h")).isEqualTo(bytes);
    assertThatThrownBy(() -> Encoding.HEX.decode("zz"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
