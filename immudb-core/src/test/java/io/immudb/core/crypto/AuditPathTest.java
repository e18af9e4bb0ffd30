package io.immudb.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.reference.ReferenceMerkle;
import org.junit.jupiter.api.Test;

class AuditPathTest {
  @Test
  void lengthIsTheReferencePathLengthForEveryLeafOfSmallTrees() {
    for (long n = 1; n <= 200; n++) {
      for (long m = 0; m < n; m++) {
        assertThat(AuditPath.length(m, n - 1))
            .as("PATH(%d) of a %d-leaf tree", m, n)
            .isEqualTo(ReferenceMerkle.pathShape(m, n).size());
      }
    }
  }

  @Test
  void aPromotedLastLeafSkipsItsLevels() {
    assertThat(AuditPath.length(4, 4)).isEqualTo(1);
    assertThat(AuditPath.length(0, 0)).isZero();
    assertThat(AuditPath.length(0, 4)).isEqualTo(3);
  }
}
