package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
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

  @Test
  void flagsReadTheirEnvironmentVariable() {
    EnvDefaults d = new EnvDefaults("IMMUCLIENT_", Map.of());
    assertThat(d.variableFor("--immudb-address")).isEqualTo("IMMUCLIENT_IMMUDB_ADDRESS");
    assertThat(d.variableFor("--max-recv-msg-size")).isEqualTo("IMMUCLIENT_MAX_RECV_MSG_SIZE");
  }
}
