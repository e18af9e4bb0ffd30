package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScanSpecTest {

  @Test
  void builderDefaults() {
    ScanSpec s = ScanSpec.builder().build();
    assertThat(s.prefix()).isEmpty();
    assertThat(s.seekKey()).isNull();
    assertThat(s.endKey()).isNull();
    assertThat(s.desc()).isFalse();
    assertThat(s.limit()).isEqualTo(1000);
    assertThat(s.atTx()).isZero();
  }

  @Test
  void emptyBoundsMeanNoBound() {
    ScanSpec s = new ScanSpec(null, new byte[0], true, new byte[0], true, false, 1, 0);
    assertThat(s.prefix()).isEmpty();
    assertThat(s.seekKey()).isNull();
    assertThat(s.endKey()).isNull();
    assertThat(s).isEqualTo(new ScanSpec(new byte[0], null, true, null, true, false, 1, 0));
  }

  @Test
  void copiesArraysBothWays() {
    byte[] p = {0, 1};
    ScanSpec s = ScanSpec.builder().prefix(p).seekKey(p, true).endKey(p, false).build();
    p[1] = 9;
    assertThat(s.prefix()).containsExactly(0, 1);
    s.seekKey()[0] = 7;
    assertThat(s.seekKey()).containsExactly(0, 1);
    assertThat(s.endKey()).containsExactly(0, 1);
    assertThat(s.hashCode())
        .isEqualTo(
            ScanSpec.builder()
                .prefix(s.prefix())
                .seekKey(s.seekKey(), true)
                .endKey(s.endKey(), false)
                .build()
                .hashCode());
  }

  @Test
  void rejectsBadValues() {
    assertThatThrownBy(() -> ScanSpec.builder().limit(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> ScanSpec.builder().atTx(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("atTx")
        .hasMessageContaining("-1");
  }
}
