package io.immudb.embedded.internal.appendable;

import static io.immudb.embedded.internal.appendable.PreallocationPolicy.MIN_STEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PreallocationPolicyTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000 * MS;
  private static final long MIB = 1L << 20;

  private final AtomicLong now = new AtomicLong(123 * S);

  private PreallocationPolicy policy(long max) {
    return new PreallocationPolicy(max, now::get);
  }

  /** Advances the clock by {@code nanos}, then asks for the next step. */
  private long after(PreallocationPolicy p, long nanos) {
    now.addAndGet(nanos);
    return p.nextStep();
  }

  @Test
  void startsAtTheLeastStepAndDoublesUpToTheCapWhileStepsLastUnderASecond() {
    PreallocationPolicy p = policy(32 * MIB);
    assertThat(p.currentStep()).isZero();
    List<Long> steps = new ArrayList<>();
    steps.add(p.nextStep());
    for (int i = 0; i < 10; i++) {
      steps.add(after(p, 999 * MS));
    }
    assertThat(steps)
        .containsExactly(
            128L << 10,
            256L << 10,
            512L << 10,
            MIB,
            2 * MIB,
            4 * MIB,
            8 * MIB,
            16 * MIB,
            32 * MIB,
            32 * MIB,
            32 * MIB);
  }

  @Test
  void keepsTheStepWhileItLastsOneToFourSeconds() {
    PreallocationPolicy p = policy(32 * MIB);
    p.nextStep();
    after(p, 10 * MS);
    assertThat(p.currentStep()).isEqualTo(2 * MIN_STEP);
    assertThat(after(p, S)).isEqualTo(2 * MIN_STEP);
    assertThat(after(p, 4 * S)).isEqualTo(2 * MIN_STEP);
    assertThat(after(p, 2500 * MS)).isEqualTo(2 * MIN_STEP);
  }

  @Test
  void aSlowStepShrinksToWhatTheObservedRateNeedsForOneSecond() {
    PreallocationPolicy p = policy(32 * MIB);
    p.nextStep();
    while (p.currentStep() < 32 * MIB) {
      after(p, MS);
    }
    // 32 MiB in 8 s is 4 MiB/s: 4 MiB lasts 1 s, 2 MiB would last only 0.5 s.
    assertThat(after(p, 8 * S)).isEqualTo(4 * MIB);
    // 4 MiB in 4.5 s is about 0.9 MiB/s: 1 MiB lasts over 1 s.
    assertThat(after(p, 4500 * MS)).isEqualTo(MIB);
    // an idle hour: back to the least step, never below it
    assertThat(after(p, 3600 * S)).isEqualTo(MIN_STEP);
    assertThat(after(p, 3600 * S)).isEqualTo(MIN_STEP);
    // and it grows again when writes speed up
    assertThat(after(p, 100 * MS)).isEqualTo(2 * MIN_STEP);
  }

  @Test
  void settlesAtASteadyRateWithAnExtensionEveryOneToFourSeconds() {
    PreallocationPolicy p = policy(32 * MIB);
    long bytesPerSecond = 3 * MIB;
    long step = p.nextStep();
    List<Long> late = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // the next extension comes when this step is used up
      step = after(p, step * S / bytesPerSecond);
      if (i >= 20) {
        late.add(step);
      }
    }
    assertThat(late).containsOnly(late.get(0));
    assertThat(late.get(0)).isBetween(bytesPerSecond, 4 * bytesPerSecond);
  }

  @Test
  void aCapBelowTheLeastStepIsTheOnlyStep() {
    PreallocationPolicy p = policy(1000);
    assertThat(p.nextStep()).isEqualTo(1000);
    assertThat(after(p, MS)).isEqualTo(1000);
    assertThat(after(p, 100 * S)).isEqualTo(1000);
  }

  @Test
  void aCapThatIsNoPowerOfTwoIsReachedAndKept() {
    PreallocationPolicy p = policy(3 * MIB);
    p.nextStep();
    for (int i = 0; i < 10; i++) {
      after(p, MS);
    }
    assertThat(p.currentStep()).isEqualTo(3 * MIB);
    assertThat(after(p, 100 * S)).isEqualTo(MIN_STEP);
  }

  @Test
  void refusesANonPositiveCap() {
    assertThatThrownBy(() -> policy(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
  }
}
