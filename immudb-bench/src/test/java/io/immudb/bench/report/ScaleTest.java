package io.immudb.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {
  @Test
  void linearEndsOnARoundNumberAboveTheMax() {
    Scale s = Scale.linearFromZero(List.of(3.0, 14_200.0), 300, 0);
    assertThat(s.ticks()).containsExactly(0.0, 5000.0, 10_000.0, 15_000.0);
    assertThat(s.max()).isEqualTo(15_000.0);
    assertThat(s.toPixel(0)).isEqualTo(300.0);
    assertThat(s.toPixel(7500)).isCloseTo(150.0, within(1e-9));
    // All zero: still a usable axis.
    assertThat(Scale.linearFromZero(List.of(0.0), 100, 0).max()).isPositive();
  }

  @Test
  void logWidensToRoundValuesAndTicksEach() {
    Scale s = Scale.log(List.of(0.63, 49.6), List.of(), 300, 0);
    assertThat(s.ticks()).containsExactly(0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0);
    assertThat(s.toPixel(0.5)).isCloseTo(300.0, within(1e-9));
    assertThat(s.toPixel(50)).isCloseTo(0.0, within(1e-9));
    assertThat(s.toPixel(5)).isCloseTo(150.0, within(1e-9));
  }

  @Test
  void logWithGivenTicksSpansTheDataExactly() {
    Scale s = Scale.log(List.of(1.0, 10.0, 100.0), List.of(1.0, 10.0, 100.0), 0, 200);
    assertThat(s.toPixel(1)).isEqualTo(0.0);
    assertThat(s.toPixel(10)).isCloseTo(100.0, within(1e-9));
    assertThat(s.ticks()).containsExactly(1.0, 10.0, 100.0);
    // One distinct value: halved and doubled, so it sits in the middle.
    assertThat(Scale.log(List.of(8.0), List.of(8.0), 0, 100).toPixel(8))
        .isCloseTo(50.0, within(1e-9));
  }
}
