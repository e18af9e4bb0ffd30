package io.immudb.cli.audit;

import io.immudb.client.ImmuClient;
import io.immudb.client.ImmuClientBuilder;
import io.immudb.client.ImmuClientException;
import io.immudb.client.StateHolder;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The auditor of one immudb server: rounds of {@link DatabaseAudit}s, one per database, every
 * {@code interval}. Each round logs in, lists the databases (unless given), audits each one, prints
 * one line per database, updates the metrics and posts a notification for each tampered database.
 *
 * <p>Thread-safety: {@link #run} and {@link #runRound} are called by one thread; {@link #stop} and
 * {@link #awaitFinished} by any. {@link #close} (idempotent) stops the metrics endpoint.
 */
public final class Auditor implements AutoCloseable {
  /** Exit status: every database was ok in every round. */
  public static final int OK = 0;

  /** Exit status: some round had an error and none found tampering. */
  public static final int ERROR = 1;

  /** Exit status: some round found tampering. */
  public static final int TAMPERED = 3;

  private final AuditorOptions opts;
  private final PrintStream out;
  private final PrintStream err;
  private final StagedStateHolder states;
  private final ImmuClientBuilder clients;
  private final AuditMetrics metrics;
  private final Notifier notifier;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private String lastServerId = "unknown";
  private List<String> lastDatabases = List.of();

  /**
   * Starts the metrics endpoint; the server is contacted by the first round.
   *
   * @param out where the result lines go
   * @param err where notification failures go
   * @throws IOException if the metrics port can't be bound
   */
  public Auditor(AuditorOptions opts, PrintStream out, PrintStream err) throws IOException {
    this(opts, out, err, null, null);
  }

  /**
   * An auditor whose metrics, named {@code <tool>_audit_*}, go to {@code registry}, served by the
   * caller (immugw's {@code --audit}); {@code opts}' monitoring host and port are not used.
   *
   * @param out where the result lines go
   * @param err where notification failures go
   */
  public Auditor(
      AuditorOptions opts,
      PrintStream out,
      PrintStream err,
      io.prometheus.metrics.model.registry.PrometheusRegistry registry,
      String tool)
      throws IOException {
    this.opts = opts;
    this.out = out;
    this.err = err;
    this.states = new StagedStateHolder(StateHolder.inDirectory(opts.statesDir()));
    ImmuClientBuilder b =
        ImmuClient.builder()
            .address(opts.address())
            .port(opts.port())
            .maxInboundMessageSize(opts.maxRecvMsgSize())
            .credentials(opts.username(), opts.password())
            .stateHolder(states);
    if (opts.validateSignatures()) {
      b.serverSigningKey(opts.serverSigningPubKey());
    }
    this.clients = b;
    this.notifier =
        opts.notificationUrl() == null
            ? null
            : new Notifier(
                opts.notificationUrl(), opts.notificationUsername(), opts.notificationPassword());
    if (registry != null) {
      this.metrics = new AuditMetrics(registry, tool);
      return;
    }
    try {
      this.metrics = new AuditMetrics(opts.monitoringHost(), opts.monitoringPort());
    } catch (IOException e) {
      throw new IOException(
          "can't serve metrics on "
              + opts.monitoringHost()
              + ":"
              + opts.monitoringPort()
              + " (--audit-monitoring-host/--audit-monitoring-port): "
              + e.getMessage(),
          e);
    }
  }

  /** The port of the metrics endpoint. */
  public int metricsPort() {
    return metrics.port();
  }

  /**
   * Runs rounds until {@link #stop} or, with {@code --audit-rounds N}, N rounds; returns {@link
   * #OK}, {@link #ERROR} or {@link #TAMPERED} for the worst result seen.
   */
  public int run() {
    int status = OK;
    long done = 0;
    try {
      while (stopRequested.getCount() > 0) {
        for (AuditResult r : runRound()) {
          status = Math.max(status, exitStatus(r.outcome()));
        }
        done++;
        if (opts.rounds() > 0 && done >= opts.rounds()) {
          break;
        }
        if (stopRequested.await(opts.interval().toMillis(), TimeUnit.MILLISECONDS)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      finished.countDown();
    }
    return status;
  }

  private static int exitStatus(AuditResult.Outcome o) {
    return switch (o) {
      case OK -> OK;
      case ERROR -> ERROR;
      case TAMPERED -> TAMPERED;
    };
  }

  /** Asks {@link #run} to return after the current round; callable from any thread. */
  public void stop() {
    stopRequested.countDown();
  }

  /** Waits until {@link #run} returned, at most {@code timeout}; true if it did. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs one round over every database; reports and returns the results. Each round has its own
   * connection, so a server that was down in the previous round is asked afresh.
   */
  public List<AuditResult> runRound() {
    List<AuditResult> results = new ArrayList<>();
    try (ImmuClient client = clients.build()) {
      DatabaseAudit audit =
          new DatabaseAudit(client, states, opts.serverAddress(), opts.verifyValues());
      Instant started = Instant.now();
      List<String> databases;
      String serverId;
      try {
        client.login();
        serverId = client.serverUuid();
        databases = opts.databases().isEmpty() ? client.databases() : opts.databases();
        lastServerId = serverId;
        lastDatabases = databases;
      } catch (ImmuClientException e) {
        results.addAll(unreachable(started, e));
        databases = List.of();
        serverId = lastServerId;
      }
      for (String db : databases) {
        results.add(audit.audit(serverId, db));
      }
    }
    for (AuditResult r : results) {
      report(r);
    }
    metrics.roundDone();
    return results;
  }

  /** Error results for the databases a round could not even list. */
  private List<AuditResult> unreachable(Instant started, ImmuClientException e) {
    AuditResult.Failure f =
        new AuditResult.Failure("error", e.code().name(), String.valueOf(e.getMessage()));
    List<String> dbs =
        !opts.databases().isEmpty()
            ? opts.databases()
            : lastDatabases.isEmpty() ? List.of("*") : lastDatabases;
    Duration took = Duration.between(started, Instant.now());
    return dbs.stream()
        .map(
            db ->
                new AuditResult(
                    lastServerId,
                    opts.serverAddress(),
                    db,
                    AuditResult.Outcome.ERROR,
                    null,
                    null,
                    f,
                    started,
                    took,
                    0))
        .toList();
  }

  private void report(AuditResult r) {
    out.println(opts.json() ? AuditReport.json(r) : AuditReport.line(r));
    out.flush();
    metrics.record(r);
    if (r.outcome() == AuditResult.Outcome.TAMPERED && notifier != null) {
      try {
        notifier.send(r);
      } catch (IOException e) {
        err.println("immuclient audit-mode: notification failed: " + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      metrics.close();
    }
  }
}
