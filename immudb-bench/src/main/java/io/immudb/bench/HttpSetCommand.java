package io.immudb.bench;

import io.immudb.bench.load.HttpSetLoad;
import io.immudb.bench.load.JsonLine;
import io.immudb.bench.load.ServerLoad;
import io.immudb.bench.load.ServerLoadSpec;
import io.immudb.bench.load.ServerResult;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code immudb-bench http-set}: concurrent {@code POST /api/db/set} calls against a running
 * server's REST API ({@link HttpSetLoad}); with {@code --compare-grpc}, then the same load as gRPC
 * {@code Set} calls ({@link ServerLoad}) against the same server, and the ratio of the two rates
 * (issue 14 asks for ≥ 0.5 at 10 clients). Prints progress to the error stream and one JSON line on
 * the output stream; exits with 1 if no measured call succeeded. Not thread-safe: one instance
 * serves one invocation.
 */
@Command(
    name = "http-set",
    mixinStandardHelpOptions = true,
    description = "POST /api/db/set throughput and latency against a running server's REST API.")
final class HttpSetCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  @Option(names = "--address", defaultValue = "127.0.0.1", description = "Server address.")
  String address;

  @Option(names = "--web-port", defaultValue = "8080", description = "The REST API's port.")
  int webPort;

  @Option(
      names = "--compare-grpc",
      description = "Then run gRPC Set on --port with the same settings and report the ratio.")
  boolean compareGrpc;

  @Option(names = "--port", defaultValue = "3322", description = "gRPC port (--compare-grpc).")
  int port;

  @Option(names = "--user", defaultValue = "immudb", description = "User to log in as.")
  String user;

  @Option(names = "--password", defaultValue = "immudb", description = "The user's password.")
  String password;

  @Option(names = "--database", defaultValue = "defaultdb", description = "Database to write to.")
  String database;

  @Option(names = "--clients", defaultValue = "10", description = "Concurrent clients (threads).")
  int clients;

  @Option(names = "--batch", defaultValue = "1", description = "Entries per Set call.")
  int batch;

  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (each mode).")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "2", description = "Unmeasured seconds first.")
  int warmupSeconds;

  @Option(names = "--key-len", defaultValue = "32", description = "Key length in bytes.")
  int keyLen;

  @Option(names = "--value-len", defaultValue = "64", description = "Value length in bytes.")
  int valueLen;

  HttpSetCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  private ServerLoadSpec spec(int p) {
    return new ServerLoadSpec(
        "v1",
        address,
        p,
        user,
        password,
        database,
        clients,
        0,
        batch,
        false,
        seconds,
        warmupSeconds,
        keyLen,
        valueLen);
  }

  @Override
  public Integer call() {
    ServerResult http = HttpSetLoad.run(spec(webPort), err);
    JsonLine line =
        new JsonLine()
            .put("mode", "http-set")
            .put("clients", clients)
            .put("batch", batch)
            .put("seconds", seconds)
            .put("http_tx_per_s", http.txPerSecond(), 1)
            .put("http_p50_ms", http.latencyMicros().getValueAtPercentile(50) / 1e3, 3)
            .put("http_p99_ms", http.latencyMicros().getValueAtPercentile(99) / 1e3, 3)
            .put("http_errors", http.errors());
    boolean failed = http.failed();
    if (compareGrpc) {
      ServerResult grpc = ServerLoad.run(spec(port), err);
      line.put("grpc_tx_per_s", grpc.txPerSecond(), 1)
          .put("grpc_p50_ms", grpc.latencyMicros().getValueAtPercentile(50) / 1e3, 3)
          .put("grpc_errors", grpc.errors())
          .put(
              "http_to_grpc",
              grpc.failed() ? Double.NaN : http.txPerSecond() / grpc.txPerSecond(),
              3);
      failed |= grpc.failed();
    }
    out.println(line);
    if (failed) {
      err.println("immudb-bench: http-set: no call succeeded");
      return 1;
    }
    return 0;
  }
}
