package io.immudb.server.metrics;

import io.grpc.ServerInterceptor;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.db.DatabaseRegistry;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.Objects;

/**
 * The metrics of one immudb server, in a registry of its own: server uptime and sessions, the
 * per-database gauges of {@link DatabaseGauges}, per-client activity, the go-grpc-prometheus call
 * metrics of the {@link #interceptor()}, and the JVM's memory, GC, thread, class-loading and
 * process metrics. Made before the databases are opened (so {@code /metrics} answers during
 * recovery); {@link #bind} attaches the databases and sessions once they exist.
 *
 * <p>See {@code docs/ops/metrics.md} for every metric and its meaning.
 *
 * <p><b>Thread-safety:</b> safe for concurrent use; {@link #bind} publishes through volatile
 * fields.
 */
public final class ServerMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final GrpcMetrics grpc;
  private volatile DatabaseRegistry databases;
  private volatile LoginSessions tokens;
  private volatile io.immudb.server.consistency.ConsistencyChecker checker;

  /**
   * Registers every metric; {@code histograms} false leaves out {@code
   * grpc_server_handling_seconds} ({@code --no-histograms}).
   */
  public ServerMetrics(boolean histograms, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    long startMillis = clock.millis();
    GaugeWithCallback.builder()
        .name("immudb_uptime_hours")
        .help("Hours since the server started.")
        .callback(cb -> cb.call((clock.millis() - startMillis) / 3_600_000.0))
        .register(registry);
    GaugeWithCallback.builder()
        .name("immudb_active_sessions")
        .help("Number of live login sessions (unexpired tokens).")
        .callback(
            cb -> {
              LoginSessions t = tokens;
              if (t != null) {
                cb.call(t.activeSessions());
              }
            })
        .register(registry);
    new DatabaseGauges(registry, () -> databases);
    grpc = new GrpcMetrics(registry, histograms, new ClientActivity(registry, clock));
    JvmMetrics.builder().register(registry);
    consistencyGauge(
        "immudb_consistency_check_last_checked_tx_id",
        "Last transaction the consistency checker re-verified in order, per database.",
        io.immudb.server.consistency.ConsistencyStatus::lastCheckedTx);
    consistencyGauge(
        "immudb_consistency_check_txs_checked",
        "Transactions the consistency checker re-verified (in order and sampled), per database.",
        s -> s.txsChecked() + s.samplesChecked());
    CounterWithCallback.builder()
        .name("immudb_consistency_check_rounds")
        .help("Rounds the consistency checker has run.")
        .callback(
            cb -> {
              io.immudb.server.consistency.ConsistencyChecker c = checker;
              if (c != null) {
                cb.call(c.rounds());
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("immudb_consistency_check_cpu_seconds")
        .help("CPU time the consistency checker's rounds used.")
        .callback(
            cb -> {
              io.immudb.server.consistency.ConsistencyChecker c = checker;
              if (c != null) {
                cb.call(c.cpuNanos() / 1e9);
              }
            })
        .register(registry);
    consistencyGauge(
        "immudb_consistency_check_mismatches",
        "Mismatches the consistency checker found; above 0 the database is read-only.",
        io.immudb.server.consistency.ConsistencyStatus::mismatches);
  }

  private void consistencyGauge(
      String name,
      String help,
      java.util.function.ToLongFunction<io.immudb.server.consistency.ConsistencyStatus> value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("db")
        .callback(
            cb -> {
              io.immudb.server.consistency.ConsistencyChecker c = checker;
              if (c != null) {
                for (io.immudb.server.consistency.ConsistencyStatus s : c.status()) {
                  cb.call(value.applyAsLong(s), s.database());
                }
              }
            })
        .register(registry);
  }

  /** Attaches the consistency checker; its gauges read it from now on. */
  public void bindConsistencyChecker(io.immudb.server.consistency.ConsistencyChecker checker) {
    this.checker = Objects.requireNonNull(checker, "checker");
  }

  /** Attaches the open databases and the session store; the gauges read them from now on. */
  public void bind(DatabaseRegistry databases, LoginSessions tokens) {
    this.databases = Objects.requireNonNull(databases, "databases");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /** The registry served on {@code /metrics}. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * The interceptor counting every call: it must be the outermost one (last in the list given to
   * {@code ServerInterceptors.intercept}) so that calls refused by authentication count too.
   */
  public ServerInterceptor interceptor() {
    return grpc;
  }
}
