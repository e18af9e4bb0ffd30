package io.immudb.server.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls per client IP address, as immudb exports them: {@code immudb_number_of_rpcs_per_client{ip}}
 * (RPCs started since the server started) and {@code
 * immudb_clients_last_message_at_unix_seconds{ip}} (when the client's latest RPC started). Both are
 * gauges read on scrape: client_java 1.x always adds {@code _total} to a counter's name, which
 * would break immudb's metric name.
 *
 * <p>One series pair per distinct client address for the life of the process, as in immudb.
 *
 * <p><b>Thread-safety:</b> safe for concurrent use.
 */
final class ClientActivity {
  private final Clock clock;
  private final Map<String, Client> clients = new ConcurrentHashMap<>();

  ClientActivity(PrometheusRegistry registry, Clock clock) {
    this.clock = clock;
    GaugeWithCallback.builder()
        .name("immudb_number_of_rpcs_per_client")
        .help("Number of RPCs per client IP address since the server started.")
        .labelNames("ip")
        .callback(cb -> clients.forEach((ip, c) -> cb.call(c.rpcs.sum(), ip)))
        .register(registry);
    GaugeWithCallback.builder()
        .name("immudb_clients_last_message_at_unix_seconds")
        .help("Unix time (seconds) of the latest RPC of each client IP address.")
        .labelNames("ip")
        .callback(cb -> clients.forEach((ip, c) -> cb.call(c.lastMillis / 1000.0, ip)))
        .register(registry);
  }

  /** Counts one RPC from {@code ip}, now. */
  void record(String ip) {
    Client c = clients.computeIfAbsent(ip, k -> new Client());
    c.rpcs.increment();
    c.lastMillis = clock.millis();
  }

  /** One client's counters. */
  private static final class Client {
    final LongAdder rpcs = new LongAdder();
    volatile long lastMillis;
  }
}
