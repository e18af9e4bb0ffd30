package io.immudb.cli;

import io.immudb.cli.PrometheusText.Sample;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One reading of a server's {@code /metrics} for the {@code immuadmin stats} dashboard: the numbers
 * of {@link ServerStats}, plus the counters and gauges the dashboard turns into rates between two
 * readings ({@link DashboardModel#of}). A metric the server does not export is empty (gauges) or 0
 * (counters). Immutable.
 *
 * @param atNanos when it was read, on a monotonic clock ({@link System#nanoTime})
 * @param stats the server-wide, per-database and per-client numbers
 * @param rpcsByMethod {@code grpc_server_started_total}, summed per {@code grpc_method}
 * @param rpcsNotOk {@code grpc_server_handled_total} with a {@code grpc_code} other than {@code OK}
 * @param latency {@code grpc_server_handling_seconds}, summed over methods (empty with {@code
 *     --no-histograms})
 * @param heapUsedBytes {@code jvm_memory_used_bytes{area="heap"}}
 * @param heapMaxBytes {@code jvm_memory_max_bytes{area="heap"}}
 * @param residentBytes {@code process_resident_memory_bytes}
 * @param cpuSeconds {@code process_cpu_seconds_total}
 * @param threads {@code jvm_threads_current}
 */
record StatsScrape(
    long atNanos,
    ServerStats stats,
    Map<String, Double> rpcsByMethod,
    double rpcsNotOk,
    LatencyBuckets latency,
    OptionalDouble heapUsedBytes,
    OptionalDouble heapMaxBytes,
    OptionalDouble residentBytes,
    OptionalDouble cpuSeconds,
    OptionalDouble threads) {
  StatsScrape {
    rpcsByMethod = Collections.unmodifiableMap(new TreeMap<>(rpcsByMethod));
  }

  /** Reads {@code text}, the body of {@code /metrics}, read at {@code atNanos}. */
  static StatsScrape parse(String text, long atNanos) {
    var samples = PrometheusText.parse(text);
    Map<String, Double> byMethod = new TreeMap<>();
    TreeMap<Double, Double> buckets = new TreeMap<>();
    double notOk = 0;
    double count = 0;
    double sum = 0;
    OptionalDouble heapUsed = OptionalDouble.empty();
    OptionalDouble heapMax = OptionalDouble.empty();
    OptionalDouble resident = OptionalDouble.empty();
    OptionalDouble cpu = OptionalDouble.empty();
    OptionalDouble threads = OptionalDouble.empty();
    for (Sample s : samples) {
      switch (s.name()) {
        case "grpc_server_started_total" ->
            byMethod.merge(s.label("grpc_method"), s.value(), Double::sum);
        case "grpc_server_handled_total" -> {
          if (!s.label("grpc_code").equals("OK")) {
            notOk += s.value();
          }
        }
        case "grpc_server_handling_seconds_bucket" ->
            buckets.merge(bound(s.label("le")), s.value(), Double::sum);
        case "grpc_server_handling_seconds_count" -> count += s.value();
        case "grpc_server_handling_seconds_sum" -> sum += s.value();
        case "jvm_memory_used_bytes" -> {
          if (s.label("area").equals("heap")) {
            heapUsed = OptionalDouble.of(s.value());
          }
        }
        case "jvm_memory_max_bytes" -> {
          if (s.label("area").equals("heap") && s.value() > 0) {
            heapMax = OptionalDouble.of(s.value());
          }
        }
        case "process_resident_memory_bytes" -> resident = OptionalDouble.of(s.value());
        case "process_cpu_seconds_total" -> cpu = OptionalDouble.of(s.value());
        case "jvm_threads_current" -> threads = OptionalDouble.of(s.value());
        default -> {}
      }
    }
    return new StatsScrape(
        atNanos,
        ServerStats.of(samples),
        byMethod,
        notOk,
        new LatencyBuckets(buckets, count, sum),
        heapUsed,
        heapMax,
        resident,
        cpu,
        threads);
  }

  private static double bound(String le) {
    return switch (le) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(le);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad histogram bound le=\"" + le + "\"", e);
        }
      }
    };
  }
}
