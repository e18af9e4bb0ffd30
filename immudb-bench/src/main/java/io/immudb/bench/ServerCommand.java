package io.immudb.bench;

import io.immudb.bench.load.ServerLoad;
import io.immudb.bench.load.ServerLoadSpec;
import io.immudb.bench.load.ServerResult;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code immudb-bench server}: concurrent {@code Set} or {@code VerifiableSet} calls against a
 * running immudb server; see {@link ServerLoad}. Prints progress to the error stream and the result
 * as one JSON line on the output stream; exits with 1 if no measured call succeeded.
 *
 * <p>Not thread-safe: one instance serves one invocation.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Set / VerifiableSet throughput and latency against a running immudb server.")
final class ServerCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  @Option(
      names = "--api",
      defaultValue = "v1",
      description =
          "API: v1 (Set/VerifiableSet) or legacy (the v0.8 API of --legacy-port:"
              + " Set/SetBatch/SafeSet; point --port at the legacy port).")
  String api;

  @Option(names = "--address", defaultValue = "127.0.0.1", description = "Server address.")
  String address;

  @Option(names = "--port", defaultValue = "3322", description = "Server port.")
  int port;

  @Option(names = "--user", defaultValue = "immudb", description = "User to log in as.")
  String user;

  @Option(names = "--password", defaultValue = "immudb", description = "The user's password.")
  String password;

  @Option(names = "--database", defaultValue = "defaultdb", description = "Database to write to.")
  String database;

  @Option(names = "--clients", defaultValue = "10", description = "Concurrent clients (threads).")
  int clients;

  @Option(
      names = "--clients-per-channel",
      defaultValue = "0",
      description = "Clients sharing one gRPC channel; 0: all share one.")
  int clientsPerChannel;

  @Option(names = "--batch", defaultValue = "1", description = "Entries per Set call.")
  int batch;

  @Option(
      names = "--verified",
      description = "Use VerifiableSet (legacy: SafeSet); proofs are requested, not checked.")
  boolean verified;

  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds.")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "2", description = "Unmeasured seconds first.")
  int warmupSeconds;

  @Option(names = "--key-len", defaultValue = "32", description = "Key length in bytes.")
  int keyLen;

  @Option(names = "--value-len", defaultValue = "64", description = "Value length in bytes.")
  int valueLen;

  ServerCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    ServerLoadSpec spec =
        new ServerLoadSpec(
            api,
            address,
            port,
            user,
            password,
            database,
            clients,
            clientsPerChannel,
            batch,
            verified,
            seconds,
            warmupSeconds,
            keyLen,
            valueLen);
    ServerResult r = ServerLoad.run(spec, err);
    out.println(r.toJson());
    if (r.failed()) {
      err.println("immudb-bench: server: no call succeeded");
      return 1;
    }
    return 0;
  }
}
