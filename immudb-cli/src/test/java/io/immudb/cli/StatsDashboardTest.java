package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatsDashboardTest {
  @Test
  void qEscCtrlCAndTheEndOfInputQuitOtherKeysDoNot() {
    assertThat(StatsDashboard.quits(new KeyStroke('q', false, false))).isTrue();
    assertThat(StatsDashboard.quits(new KeyStroke('Q', false, false))).isTrue();
    assertThat(StatsDashboard.quits(new KeyStroke('c', true, false))).isTrue();
    assertThat(StatsDashboard.quits(new KeyStroke(KeyType.Escape))).isTrue();
    assertThat(StatsDashboard.quits(new KeyStroke(KeyType.EOF))).isTrue();
    assertThat(StatsDashboard.quits(new KeyStroke('c', false, false))).isFalse();
    assertThat(StatsDashboard.quits(new KeyStroke(KeyType.ArrowUp))).isFalse();
  }

  @Test
  void aCapturedConsoleIsNeverInteractive() {
    PrintStream captured = new PrintStream(new ByteArrayOutputStream());
    assertThat(StatsDashboard.interactive(new Console(captured, captured))).isFalse();
  }

  @Test
  void theIntervalMustBePositive() {
    assertThatThrownBy(() -> new StatsDashboard(() -> "", "src", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
