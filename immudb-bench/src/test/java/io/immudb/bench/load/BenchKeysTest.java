package io.immudb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchKeysTest {
  @Test
  void missingFileMeansNoKeys(@TempDir Path dir) throws Exception {
    assertThat(BenchKeys.load(dir)).isEqualTo(new BenchKeys(0, 0, 0));
  }

  @Test
  void roundTripsThroughTheFile(@TempDir Path dir) throws Exception {
    BenchKeys keys = new BenchKeys(0, 0, 0).plus(4000, 32, true).plus(10, 32, false);
    keys.save(dir);
    assertThat(BenchKeys.load(dir)).isEqualTo(new BenchKeys(32, 4000, 10));
  }

  @Test
  void keepsTheKeyLengthOnceKeysExist() {
    BenchKeys keys = new BenchKeys(32, 100, 0);
    assertThat(keys.keyLenFor(32)).isEqualTo(32);
    assertThatThrownBy(() -> keys.keyLenFor(16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--key-len 32");
    assertThat(new BenchKeys(0, 0, 0).keyLenFor(16)).isEqualTo(16);
  }
}
