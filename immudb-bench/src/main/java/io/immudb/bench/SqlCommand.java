package io.immudb.bench;

import io.immudb.bench.load.ServerLoadSpec;
import io.immudb.bench.load.SqlLoad;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code immudb-bench sql}: SQL INSERT and point SELECT against a running server, each beside its
 * key-value peer ({@code Set}, {@code Get}) in the same run; see {@link SqlLoad}. Prints progress
 * to the error stream and one JSON line on the output stream (with {@code insert_to_set} and {@code
 * select_to_get}); exits with 1 if a phase had no successful call.
 *
 * <p>Not thread-safe: one instance serves one invocation.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "SQL INSERT vs Set and point SELECT vs Get throughput against a running immudb server.")
final class SqlCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  @Option(names = "--address", defaultValue = "127.0.0.1", description = "Server address.")
  String address;

  @Option(names = "--port", defaultValue = "3322", description = "Server port.")
  int port;

  @Option(names = "--user", defaultValue = "immudb", description = "User to log in as.")
  String user;

  @Option(names = "--password", defaultValue = "immudb", description = "The user's password.")
  String password;

  @Option(names = "--database", defaultValue = "defaultdb", description = "Database to use.")
  String database;

  @Option(names = "--clients", defaultValue = "10", description = "Concurrent clients.")
  int clients;

  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per phase.")
  int seconds;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "2",
      description = "Unmeasured seconds before each phase.")
  int warmupSeconds;

  @Option(names = "--key-len", defaultValue = "32", description = "Set/Get key length in bytes.")
  int keyLen;

  @Option(names = "--value-len", defaultValue = "64", description = "Value (and BLOB) length.")
  int valueLen;

  SqlCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    ServerLoadSpec spec =
        new ServerLoadSpec(
            "v1",
            address,
            port,
            user,
            password,
            database,
            clients,
            0,
            1,
            false,
            seconds,
            warmupSeconds,
            keyLen,
            valueLen);
    SqlLoad.Result r = SqlLoad.run(spec, err);
    out.println(r.toJson());
    if (r.failed()) {
      err.println("immudb-bench: sql: a phase had no successful call");
      return 1;
    }
    return 0;
  }
}
