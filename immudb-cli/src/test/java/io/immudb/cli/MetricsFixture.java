package io.immudb.cli;

import java.util.Locale;

/** A server's {@code /metrics} body in the shape immudb's server writes, with chosen numbers. */
final class MetricsFixture {
  private MetricsFixture() {}

  /**
   * Two databases ({@code defaultdb} with {@code txs} txs of which {@code indexed} are indexed, and
   * {@code sales}), {@code sets} VerifiableSet calls and {@code gets} Get calls of which {@code
   * notFound} failed with NotFound, all calls taking between 5 and 10 ms except {@code slow} Get
   * calls between 0.1 and 0.25 s, and {@code cpu} seconds of CPU.
   */
  static String text(
      long txs, long indexed, long sets, long gets, long notFound, long slow, double cpu) {
    long calls = sets + gets;
    String svc = "grpc_service=\"immudb.schema.ImmuService\",grpc_type=\"unary\"";
    StringBuilder b = new StringBuilder();
    b.append("# HELP immudb_uptime_hours Hours since the server started.\n")
        .append("# TYPE immudb_uptime_hours gauge\n")
        .append("immudb_uptime_hours 1.5\n")
        .append("immudb_loaded_databases 2.0\n")
        .append("immudb_active_sessions 3.0\n")
        .append("immudb_number_of_stored_entries{db=\"defaultdb\"} 1234.0\n")
        .append("immudb_last_committed_trx_id{db=\"defaultdb\"} ")
        .append(txs)
        .append(".0\n")
        .append("immudb_last_indexed_trx_id{db=\"defaultdb\"} ")
        .append(indexed)
        .append(".0\n")
        .append("immudb_db_size_bytes{db=\"defaultdb\"} 2097152.0\n")
        .append("immudb_number_of_stored_entries{db=\"sales\"} 0.0\n")
        .append("immudb_last_committed_trx_id{db=\"sales\"} 1.0\n")
        .append("immudb_last_indexed_trx_id{db=\"sales\"} 1.0\n")
        .append("immudb_db_size_bytes{db=\"sales\"} 1024.0\n")
        .append("immudb_number_of_rpcs_per_client{ip=\"127.0.0.1\"} ")
        .append(calls)
        .append(".0\n")
        .append("immudb_clients_last_message_at_unix_seconds{ip=\"127.0.0.1\"} 1.7E9\n")
        .append("grpc_server_started_total{grpc_method=\"VerifiableSet\",")
        .append(svc)
        .append("} ")
        .append(sets)
        .append(".0\n")
        .append("grpc_server_started_total{grpc_method=\"Get\",")
        .append(svc)
        .append("} ")
        .append(gets)
        .append(".0\n")
        .append("grpc_server_handled_total{grpc_code=\"OK\",grpc_method=\"Get\",")
        .append(svc)
        .append("} ")
        .append(gets - notFound)
        .append(".0\n")
        .append("grpc_server_handled_total{grpc_code=\"NotFound\",grpc_method=\"Get\",")
        .append(svc)
        .append("} ")
        .append(notFound)
        .append(".0\n");
    String[] bounds = {"0.005", "0.01", "0.1", "0.25", "+Inf"};
    long[] cumulative = {0, calls - slow, calls - slow, calls, calls};
    for (int i = 0; i < bounds.length; i++) {
      b.append("grpc_server_handling_seconds_bucket{grpc_method=\"Get\",")
          .append(svc)
          .append(",le=\"")
          .append(bounds[i])
          .append("\"} ")
          .append(cumulative[i])
          .append('\n');
    }
    b.append("grpc_server_handling_seconds_count{grpc_method=\"Get\",")
        .append(svc)
        .append("} ")
        .append(calls)
        .append('\n')
        .append("grpc_server_handling_seconds_sum{grpc_method=\"Get\",")
        .append(svc)
        .append("} ")
        .append(String.format(Locale.ROOT, "%.6f", (calls - slow) * 0.008 + slow * 0.2))
        .append('\n')
        .append("jvm_memory_used_bytes{area=\"heap\"} 6.7108864E7\n")
        .append("jvm_memory_used_bytes{area=\"nonheap\"} 3.0E7\n")
        .append("jvm_memory_max_bytes{area=\"heap\"} 2.68435456E8\n")
        .append("jvm_memory_max_bytes{area=\"nonheap\"} -1.0\n")
        .append("jvm_threads_current 20.0\n")
        .append("process_cpu_seconds_total ")
        .append(cpu)
        .append('\n')
        .append("process_resident_memory_bytes 1.572864E8\n");
    return b.toString();
  }
}
