package io.immudb.bench;

import io.immudb.bench.load.ReadLoad;
import io.immudb.bench.load.ReadLoadSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code immudb-bench read}: random get and verifiable get through the data model; see {@link
 * ReadLoad}. Prints progress to the error stream and the result as one JSON line on the output
 * stream.
 *
 * <p>Not thread-safe: one instance serves one invocation.
 */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = "Throughput and latency of get and verifiableGet of random existing keys.")
final class ReadCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  @Option(
      names = "--dir",
      description =
          "Store directory written by `store --data-model --dir` (or to populate). "
              + "Default: a temporary one, which needs --populate.")
  Path dir;

  @Option(
      names = "--populate",
      defaultValue = "0",
      description = "Data-model keys to add first, in txs of 1000.")
  long populate;

  @Option(
      names = "--populate-batch",
      defaultValue = "1000",
      description = "Entries per transaction when populating.")
  int populateBatch;

  @Option(names = "--threads", defaultValue = "2", description = "Reader threads.")
  int threads;

  @Option(names = "--seconds", defaultValue = "10", description = "Length of each phase.")
  int seconds;

  @Option(
      names = "--ops",
      defaultValue = "0",
      description = "Ops per phase over all threads; when > 0, replaces --seconds.")
  long ops;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "1",
      description = "Unmeasured reads before each phase.")
  int warmupSeconds;

  @Option(names = "--key-len", defaultValue = "32", description = "Key length for --populate.")
  int keyLen;

  @Option(names = "--value-len", defaultValue = "64", description = "Value length for --populate.")
  int valueLen;

  ReadCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    ReadLoadSpec spec =
        new ReadLoadSpec(
            dir, populate, threads, seconds, ops, warmupSeconds, keyLen, valueLen, populateBatch);
    out.println(ReadLoad.run(spec, err).toJson());
    return 0;
  }
}
