package io.immudb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.state.ImmuState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Notifications are POSTed as JSON, with basic authentication when configured. */
class NotifierTest {
  private static AuditResult result() {
    return new AuditResult(
        "srv",
        "h:1",
        "defaultdb",
        AuditResult.Outcome.TAMPERED,
        new ImmuState("defaultdb", 2, Sha256Digest.fromHex("ab".repeat(32))),
        null,
        new AuditResult.Failure("corruption", "DATA_LOSS", "bad checksum"),
        Instant.EPOCH,
        Duration.ZERO,
        0);
  }

  @Test
  void postsTheReport() throws Exception {
    try (NotificationReceiver r = new NotificationReceiver(204)) {
      new Notifier(r.url(), "user", "p:w").send(result());
      NotificationReceiver.Received got = r.next();
      assertThat(got.authorization()).isEqualTo("Basic dXNlcjpwOnc=");
      assertThat(got.contentType()).isEqualTo("application/json");
      assertThat(got.body()).isEqualTo(AuditReport.json(result()));
      new Notifier(r.url(), null, null).send(result());
      assertThat(r.next().authorization()).isNull();
    }
  }

  @Test
  void aRefusalIsAnError() throws Exception {
    try (NotificationReceiver r = new NotificationReceiver(500)) {
      assertThatThrownBy(() -> new Notifier(r.url(), null, null).send(result()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("HTTP 500");
    }
  }
}
