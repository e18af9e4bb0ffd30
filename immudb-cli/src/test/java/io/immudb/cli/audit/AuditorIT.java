package io.immudb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.client.ImmuClient;
import io.immudb.server.ImmudbServer;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor against a real server on a loopback port: every database is audited by default,
 * rollbacks and forged trusted states are tampering, signatures are enforced in validate mode, and
 * {@code bin/immuclient audit-mode} runs in the foreground until SIGTERM.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AuditorIT {
  @TempDir Path tmp;

  @RegisterExtension
  final ImmudbServerExtension immudb = ImmudbServerExtension.builder().manualStart().build();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private AuditorOptions options(int port, List<String> dbs, Path pubKey) {
    return new AuditorOptions(
        "127.0.0.1",
        port,
        32 << 20,
        "immudb",
        "immudb",
        dbs,
        Duration.ofSeconds(1),
        pubKey,
        true,
        null,
        null,
        null,
        "127.0.0.1",
        0,
        0,
        tmp.resolve("states"),
        false);
  }

  private Auditor auditor(AuditorOptions o) throws Exception {
    return new Auditor(o, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
  }

  @Test
  void everyDatabaseIsAuditedAndARollbackOrAForgedStateIsTampering() throws Exception {
    ImmudbServer server = immudb.start();
    try (Auditor a = auditor(options(server.port(), List.of(), null))) {
      try (ImmuClient c = ImmuClient.builder().address("127.0.0.1").port(server.port()).build()) {
        c.login("immudb", "immudb");
        c.createDatabase("second");
        c.set("k", "v");
        c.setReference("r".getBytes(StandardCharsets.UTF_8), "k".getBytes(StandardCharsets.UTF_8));
        c.zAdd("set".getBytes(StandardCharsets.UTF_8), 2.5, "k".getBytes(StandardCharsets.UTF_8));
        c.useDatabase("second");
        c.set("x", "y");
      }
      List<AuditResult> first = a.runRound();
      assertThat(first).extracting(AuditResult::database).contains("defaultdb", "second");
      assertThat(first).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(AuditResult.Outcome.OK));
      AuditResult def = byDb(first, "defaultdb");
      assertThat(def.previous()).isNull();
      assertThat(def.valuesChecked()).isEqualTo(3); // value, reference, sorted-set member
      assertThat(byDb(first, "second").valuesChecked()).isEqualTo(1);

      // Nothing new: ok again, nothing to re-read; new writes are read in the next round only.
      AuditResult same = byDb(a.runRound(), "defaultdb");
      assertThat(same.outcome()).isEqualTo(AuditResult.Outcome.OK);
      assertThat(same.previous()).isEqualTo(def.current());
      assertThat(same.valuesChecked()).isZero();

      Path state = tmp.resolve("states").resolve(server.identifier()).resolve("defaultdb.state");
      String text = Files.readString(state);
      long tx = def.current().txId();
      // A trusted state ahead of the server: the server rolled back.
      Files.writeString(state, text.replace("txId=" + tx, "txId=" + (tx + 10)));
      AuditResult rollback = byDb(a.runRound(), "defaultdb");
      assertThat(rollback.outcome()).isEqualTo(AuditResult.Outcome.TAMPERED);
      assertThat(rollback.failure().reason()).isEqualTo("STATE_REGRESSION");
      assertThat(Files.readString(state)).contains("txId=" + (tx + 10));

      // A trusted hash that the server's history does not contain.
      String h = text.replaceAll("(?s).*txHash=([0-9a-f]{64}).*", "$1");
      String forged = (h.charAt(0) == '0' ? "1" : "0") + h.substring(1);
      Files.writeString(state, text.replace(h, forged));
      try (ImmuClient c = ImmuClient.builder().address("127.0.0.1").port(server.port()).build()) {
        c.login("immudb", "immudb");
        c.set("k", "w");
      }
      AuditResult forgedRound = byDb(a.runRound(), "defaultdb");
      assertThat(forgedRound.outcome()).isEqualTo(AuditResult.Outcome.TAMPERED);
      assertThat(forgedRound.failure().kind()).isEqualTo("verification");
      assertThat(Files.readString(state)).contains(forgedRound.previous().txHash().toHex());

      // An unknown database is an error, not tampering.
      try (Auditor b = auditor(options(server.port(), List.of("nope"), null))) {
        AuditResult missing = b.runRound().get(0);
        assertThat(missing.outcome()).isEqualTo(AuditResult.Outcome.ERROR);
        assertThat(missing.failure().reason()).isEqualTo("NOT_FOUND");
      }
    }
  }

  @Test
  void withValidateStatesMustBeSignedByTheGivenKey() throws Exception {
    KeyPair serverKey = keyPair();
    Path privatePem = tmp.resolve("ec.key");
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
      w.writeObject(serverKey);
    }
    Files.writeString(privatePem, pem.toString());
    Path rightPub = publicPem(serverKey, "right.pub");
    Path wrongPub = publicPem(keyPair(), "wrong.pub");

    ImmudbServer server = immudb.start(b -> b.set("signingKey", privatePem));
    try (Auditor a = auditor(options(server.port(), List.of("defaultdb"), rightPub))) {
      assertThat(a.runRound().get(0).outcome()).isEqualTo(AuditResult.Outcome.OK);
    }
    try (Auditor a = auditor(options(server.port(), List.of("defaultdb"), wrongPub))) {
      AuditResult r = a.runRound().get(0);
      assertThat(r.outcome()).isEqualTo(AuditResult.Outcome.TAMPERED);
      assertThat(r.failure().reason()).isEqualTo("SIGNATURE");
    }
    // The same data served without a signing key: unsigned states are refused.
    immudb.stop();
    server = immudb.start();
    try (Auditor a = auditor(options(server.port(), List.of("defaultdb"), rightPub))) {
      AuditResult r = a.runRound().get(0);
      assertThat(r.outcome()).isEqualTo(AuditResult.Outcome.TAMPERED);
      assertThat(r.failure().reason()).isEqualTo("SIGNATURE");
    }
  }

  @Test
  void theCommandRunsInTheForegroundUntilSigterm() throws Exception {
    ImmudbServer server = immudb.start();
    Path stdout = tmp.resolve("audit.out");
    ProcessBuilder pb =
        new ProcessBuilder(
                ImmudbProcess.ROOT.resolve("bin/immuclient").toString(),
                "audit-mode",
                "--audit-password",
                "immudb",
                "--audit-interval",
                "200ms",
                "--audit-monitoring-host",
                "127.0.0.1",
                "--audit-monitoring-port",
                "0",
                "--output",
                "json")
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("IMMUDB_NO_BUILD", "1");
    pb.environment().put("IMMUCLIENT_IMMUDB_PORT", Integer.toString(server.port()));
    pb.environment().put("IMMUCLIENT_ROOTS_FILEPATH", tmp.resolve("roots").toString());
    Process p = pb.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (countLines(stdout) < 2 && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(100);
      }
      assertThat(countLines(stdout)).as("two rounds printed").isGreaterThanOrEqualTo(2);
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(Files.readAllLines(stdout))
        .allSatisfy(
            l ->
                assertThat(l)
                    .startsWith("{\"event\":\"audit\",\"result\":\"ok\"")
                    .contains("\"database\":\"defaultdb\""));
    assertThat(Files.exists(tmp.resolve("roots").resolve(server.identifier()))).isTrue();
  }

  private static long countLines(Path f) throws Exception {
    return Files.exists(f) ? Files.readAllLines(f).size() : 0;
  }

  private static AuditResult byDb(List<AuditResult> rs, String db) {
    return rs.stream().filter(r -> r.database().equals(db)).findFirst().orElseThrow();
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private Path publicPem(KeyPair kp, String name) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(
        p,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(kp.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    return p;
  }
}
