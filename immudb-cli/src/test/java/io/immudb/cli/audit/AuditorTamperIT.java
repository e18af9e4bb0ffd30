package io.immudb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.client.ImmuClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code bin/immudb} process whose logs are changed on disk between two audit rounds: the
 * auditor must report the database as tampered in the first round after the change, its metric must
 * say 0 and the notification must arrive. Between the rounds the server is down once, which must be
 * an error (-1), not tampering, and must not notify.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AuditorTamperIT {
  @TempDir Path tmp;

  /** How the logs are changed while the server is stopped. */
  private interface Tamper {
    void apply(Path dataDir) throws Exception;
  }

  private AuditorOptions options(int port, URI hook) {
    return new AuditorOptions(
        "127.0.0.1",
        port,
        32 << 20,
        "immudb",
        "immudb",
        List.of("defaultdb"),
        Duration.ofSeconds(1),
        null,
        true,
        hook,
        "alert",
        "s3cret",
        "127.0.0.1",
        0,
        0,
        tmp.resolve("states"),
        false);
  }

  @Test
  void aFlippedByteInTheValueLogIsReportedAsTampering() throws Exception {
    AuditResult r =
        tamperedRound(
            data ->
                LogTamper.flipIn(
                    LogTamper.segment(data, "defaultdb", "val"), "value-the-attacker-changes"));
    // The server's own checksum catches the change: it answers DATA_LOSS.
    assertThat(r.failure().kind()).isEqualTo("corruption");
    assertThat(r.failure().reason()).isEqualTo("DATA_LOSS");
  }

  @Test
  void aForgedValueHashInTheTxLogIsReportedAsTampering() throws Exception {
    AuditResult r =
        tamperedRound(
            data ->
                LogTamper.flipValueHash(
                    LogTamper.segment(data, "defaultdb", "tx"), "victim", true));
    // The record's checksum was forged too; the proof catches it.
    assertThat(r.failure().kind()).isEqualTo("verification");
    assertThat(r.failure().reason()).isEqualTo("TX_INCLUSION");
  }

  @Test
  void aFlippedByteInTheTxLogIsReportedAsTampering() throws Exception {
    AuditResult r =
        tamperedRound(
            data ->
                LogTamper.flipValueHash(
                    LogTamper.segment(data, "defaultdb", "tx"), "victim", false));
    assertThat(r.failure().kind()).isEqualTo("corruption");
  }

  /** Writes, audits (ok), writes, stops the server, audits (error), tampers, audits (tampered). */
  private AuditResult tamperedRound(Tamper tamper) throws Exception {
    Path data = tmp.resolve("data");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImmudbProcess server = new ImmudbProcess(data, 0);
    int port = server.port();
    try (NotificationReceiver hook = new NotificationReceiver(200);
        Auditor auditor =
            new Auditor(
                options(port, hook.url()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err)) {
      try (ImmuClient c = ImmuClient.builder().address("127.0.0.1").port(port).build()) {
        c.login("immudb", "immudb");
        c.set("a", "1");
        c.set("b", "2");
      }
      AuditResult clean = single(auditor.runRound());
      assertThat(clean.outcome()).as(clean.toString()).isEqualTo(AuditResult.Outcome.OK);
      assertThat(clean.current().txId()).isEqualTo(3);
      assertThat(clean.valuesChecked()).isEqualTo(2);
      String metrics = Scrape.metrics(auditor.metricsPort());
      assertThat(Scrape.value(metrics, "immuclient_audit_result_per_server", "defaultdb"))
          .isEqualTo(1.0);
      assertThat(Scrape.value(metrics, "immuclient_audit_curr_root_per_server", "defaultdb"))
          .isEqualTo(3.0);
      String serverId = clean.serverId();
      Path stateFile = tmp.resolve("states").resolve(serverId).resolve("defaultdb.state");
      assertThat(Files.readString(stateFile)).contains("txId=3");

      try (ImmuClient c = ImmuClient.builder().address("127.0.0.1").port(port).build()) {
        c.login("immudb", "immudb");
        // Longer than the store's inline limit, so the value is in the value log. Tx 4.
        c.set("victim", "value-the-attacker-changes;".repeat(200));
        c.set("c", "3");
        c.set("d", "4"); // tx 6: the last tx stays intact, so the server restarts
      }
      server.close();

      AuditResult down = single(auditor.runRound());
      assertThat(down.outcome()).isEqualTo(AuditResult.Outcome.ERROR);
      assertThat(down.failure().reason()).isEqualTo("UNAVAILABLE");
      assertThat(
              Scrape.value(
                  Scrape.metrics(auditor.metricsPort()),
                  "immuclient_audit_result_per_server",
                  "defaultdb"))
          .isEqualTo(-1.0);
      assertThat(hook.pending()).isZero();

      tamper.apply(data);
      server = new ImmudbProcess(data, port);

      AuditResult bad = single(auditor.runRound());
      assertThat(bad.outcome()).as(bad.toString()).isEqualTo(AuditResult.Outcome.TAMPERED);
      assertThat(bad.previous().txId()).isEqualTo(3);
      assertThat(bad.current().txId()).isEqualTo(6);
      metrics = Scrape.metrics(auditor.metricsPort());
      assertThat(Scrape.value(metrics, "immuclient_audit_result_per_server", "defaultdb"))
          .isEqualTo(0.0);
      assertThat(Scrape.value(metrics, "immuclient_audit_prev_root_per_server", "defaultdb"))
          .isEqualTo(3.0);
      assertThat(Scrape.value(metrics, "immuclient_audit_curr_root_per_server", "defaultdb"))
          .isEqualTo(6.0);
      assertThat(metrics).contains("immuclient_audit_rounds_total 3.0");

      NotificationReceiver.Received n = hook.next();
      assertThat(n).as("a notification").isNotNull();
      assertThat(n.authorization())
          .isEqualTo(
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString("alert:s3cret".getBytes(StandardCharsets.UTF_8)));
      assertThat(n.contentType()).isEqualTo("application/json");
      assertThat(n.body())
          .contains("\"event\":\"tampering\"", "\"result\":\"tampered\"")
          .contains("\"server_id\":\"" + serverId + "\"", "\"database\":\"defaultdb\"")
          .contains("\"previous_state\":{\"tx\":3,\"hash\":\"" + clean.current().txHash().toHex())
          .contains("\"current_state\":{\"tx\":6,")
          .contains("\"kind\":\"" + bad.failure().kind() + "\"");
      // The trusted state did not move.
      assertThat(Files.readString(stateFile)).contains("txId=3");
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains(" defaultdb ok prev=- curr=3 values=2")
          .contains(" defaultdb error prev=- curr=-")
          .contains(" defaultdb tampered prev=3 curr=6 ");

      // The command line finds it too, and says so in its exit status.
      CliRun cli =
          CliRun.immuclient(
              port,
              "--roots-filepath",
              tmp.resolve("states").toString(),
              "audit-mode",
              "--audit-password",
              "enc:"
                  + Base64.getEncoder().encodeToString("immudb".getBytes(StandardCharsets.UTF_8)),
              "--audit-verify-values",
              "--audit-rounds",
              "1",
              "--audit-monitoring-port",
              "0",
              "--audit-notification-url",
              hook.url().toString());
      assertThat(cli.status()).as(cli.err()).isEqualTo(Auditor.TAMPERED);
      assertThat(cli.out()).contains(" defaultdb tampered prev=3 curr=6 ");
      NotificationReceiver.Received again = hook.next();
      assertThat(again).isNotNull();
      assertThat(again.authorization()).isNull();
      return bad;
    } finally {
      server.close();
    }
  }

  private static AuditResult single(List<AuditResult> rs) {
    assertThat(rs).hasSize(1);
    return rs.get(0);
  }
}
