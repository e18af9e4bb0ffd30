/**
 * Operator-facing observability: Prometheus metrics and health endpoints.
 *
 * <p>{@link io.immudb.server.metrics.ServerMetrics} owns one registry per server (never the
 * process-wide default registry, so several servers in one JVM don't share series) with immudb's
 * metric names, the go-grpc-prometheus call metrics and the JVM metrics. {@link
 * io.immudb.server.metrics.MetricsEndpoint} serves it over HTTP or HTTPS together with {@code
 * /livez}, {@code /readyz} and {@code /version}.
 *
 * <p>Invariants: nothing on the gRPC call path does more than counter increments, a histogram
 * observation and map look-ups; everything that reads databases runs at scrape time, in callbacks.
 * A scrape never throws because a database is closing: that database is left out.
 *
 * <p>Thread-safety: every public type is safe for concurrent use. Exceptions: programmer errors use
 * JDK types; failing to bind the port is an {@link java.io.IOException}.
 */
package io.immudb.server.metrics;
