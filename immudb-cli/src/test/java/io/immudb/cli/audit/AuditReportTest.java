package io.immudb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.state.ImmuState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The text line, the JSON line and the notification body of an audit result. */
class AuditReportTest {
  private static final Sha256Digest H1 = Sha256Digest.fromHex("11".repeat(32));
  private static final Sha256Digest H2 = Sha256Digest.fromHex("22".repeat(32));
  private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

  private static AuditResult tampered() {
    return new AuditResult(
        "srv1",
        "db.example:3322",
        "defaultdb",
        AuditResult.Outcome.TAMPERED,
        new ImmuState("defaultdb", 4, H1),
        new ImmuState("defaultdb", 7, H2),
        new AuditResult.Failure("verification", "ALH_MISMATCH", "tx 5 does \"not\" follow"),
        AT,
        Duration.ofMillis(12),
        0);
  }

  @Test
  void notificationPayload() {
    assertThat(AuditReport.json(tampered()))
        .isEqualTo(
            "{\"event\":\"tampering\",\"result\":\"tampered\",\"server_id\":\"srv1\","
                + "\"server_address\":\"db.example:3322\",\"database\":\"defaultdb\","
                + "\"previous_state\":{\"tx\":4,\"hash\":\""
                + "11".repeat(32)
                + "\"},\"current_state\":{\"tx\":7,\"hash\":\""
                + "22".repeat(32)
                + "\"},\"failure\":{\"kind\":\"verification\",\"reason\":\"ALH_MISMATCH\","
                + "\"message\":\"tx 5 does \\\"not\\\" follow\"},"
                + "\"run_at\":\"2025-01-02T03:04:05Z\",\"duration_ms\":12,\"values_checked\":0}");
  }

  @Test
  void firstRoundAndErrorsHaveNullStates() {
    AuditResult error =
        new AuditResult(
            "unknown",
            "h:1",
            "*",
            AuditResult.Outcome.ERROR,
            null,
            null,
            new AuditResult.Failure("error", "UNAVAILABLE", "io\nexception"),
            AT,
            Duration.ZERO,
            0);
    assertThat(AuditReport.json(error))
        .contains("\"event\":\"audit\",\"result\":\"error\"")
        .contains("\"previous_state\":null,\"current_state\":null");
    assertThat(AuditReport.line(error))
        .isEqualTo(
            "2025-01-02T03:04:05Z unknown * error prev=- curr=- error UNAVAILABLE: io exception"
                + " (0 ms)");
  }

  @Test
  void textLines() {
    assertThat(AuditReport.line(tampered()))
        .isEqualTo(
            "2025-01-02T03:04:05Z srv1 defaultdb tampered prev=4 curr=7 verification"
                + " ALH_MISMATCH: tx 5 does \"not\" follow (12 ms)");
    AuditResult ok =
        new AuditResult(
            "srv1",
            "h:1",
            "defaultdb",
            AuditResult.Outcome.OK,
            null,
            new ImmuState("defaultdb", 7, H2),
            null,
            AT,
            Duration.ofMillis(3),
            5);
    assertThat(AuditReport.line(ok))
        .isEqualTo("2025-01-02T03:04:05Z srv1 defaultdb ok prev=- curr=7 values=5 (3 ms)");
    assertThat(AuditReport.json(ok)).contains("\"failure\":null", "\"values_checked\":5");
  }

  @Test
  void aFailureIsGivenExactlyWhenTheOutcomeIsNotOk() {
    assertThatThrownBy(
            () ->
                new AuditResult(
                    "s",
                    "a",
                    "d",
                    AuditResult.Outcome.OK,
                    null,
                    null,
                    new AuditResult.Failure("error", "X", "y"),
                    AT,
                    Duration.ZERO,
                    0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AuditResult(
                    "s",
                    "a",
                    "d",
                    AuditResult.Outcome.ERROR,
                    null,
                    null,
                    null,
                    AT,
                    Duration.ZERO,
                    0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AuditResult.Outcome.OK.metricValue()).isEqualTo(1);
    assertThat(AuditResult.Outcome.TAMPERED.metricValue()).isZero();
    assertThat(AuditResult.Outcome.ERROR.metricValue()).isEqualTo(-1);
  }
}
