package io.immudb.cli;

import io.immudb.cli.PrometheusText.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What {@code immuadmin stats} shows, read from the samples of an immudb server's {@code /metrics}:
 * server-wide numbers, one {@link Db} per {@code db} label and one {@link Client} per {@code ip}
 * label. A metric the server does not export is empty (server-wide) or 0 (per database / client),
 * so the tool also works against a server that exports only some of them. Immutable.
 *
 * @param uptimeHours {@code immudb_uptime_hours}
 * @param loadedDatabases {@code immudb_loaded_databases}
 * @param activeSessions {@code immudb_active_sessions}
 * @param databases per database, in the order the server lists them
 * @param clients per client IP address, in the order the server lists them
 */
record ServerStats(
    OptionalDouble uptimeHours,
    OptionalDouble loadedDatabases,
    OptionalDouble activeSessions,
    List<Db> databases,
    List<Client> clients) {
  ServerStats {
    databases = List.copyOf(databases);
    clients = List.copyOf(clients);
  }

  /** One database's numbers. */
  record Db(String name, long entries, long committedTxId, long indexedTxId, long sizeBytes) {}

  /** One client's numbers; {@code lastMessageAt} is in Unix seconds. */
  record Client(String ip, long rpcs, double lastMessageAt) {}

  /** Summarizes {@code samples}. */
  static ServerStats of(List<Sample> samples) {
    Map<String, long[]> dbs = new LinkedHashMap<>();
    Map<String, double[]> clients = new LinkedHashMap<>();
    OptionalDouble uptime = OptionalDouble.empty();
    OptionalDouble loaded = OptionalDouble.empty();
    OptionalDouble sessions = OptionalDouble.empty();
    for (Sample s : samples) {
      switch (s.name()) {
        case "immudb_uptime_hours" -> uptime = OptionalDouble.of(s.value());
        case "immudb_loaded_databases" -> loaded = OptionalDouble.of(s.value());
        case "immudb_active_sessions" -> sessions = OptionalDouble.of(s.value());
        case "immudb_number_of_stored_entries" -> db(dbs, s)[0] = (long) s.value();
        case "immudb_last_committed_trx_id" -> db(dbs, s)[1] = (long) s.value();
        case "immudb_last_indexed_trx_id" -> db(dbs, s)[2] = (long) s.value();
        case "immudb_db_size_bytes" -> db(dbs, s)[3] = (long) s.value();
        case "immudb_number_of_rpcs_per_client" -> client(clients, s)[0] = s.value();
        case "immudb_clients_last_message_at_unix_seconds" -> client(clients, s)[1] = s.value();
        default -> {}
      }
    }
    List<Db> dbList = new ArrayList<>();
    dbs.forEach((name, v) -> dbList.add(new Db(name, v[0], v[1], v[2], v[3])));
    List<Client> clientList = new ArrayList<>();
    clients.forEach((ip, v) -> clientList.add(new Client(ip, (long) v[0], v[1])));
    return new ServerStats(uptime, loaded, sessions, dbList, clientList);
  }

  private static long[] db(Map<String, long[]> dbs, Sample s) {
    return dbs.computeIfAbsent(s.label("db"), k -> new long[4]);
  }

  private static double[] client(Map<String, double[]> clients, Sample s) {
    return clients.computeIfAbsent(s.label("ip"), k -> new double[2]);
  }

  /** Whether the samples held no immudb metric at all (not an immudb metrics endpoint). */
  boolean isEmpty() {
    return uptimeHours.isEmpty()
        && loadedDatabases.isEmpty()
        && activeSessions.isEmpty()
        && databases.isEmpty()
        && clients.isEmpty();
  }
}
