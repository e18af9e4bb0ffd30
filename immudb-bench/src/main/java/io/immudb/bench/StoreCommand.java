package io.immudb.bench;

import io.immudb.bench.load.StoreLoad;
import io.immudb.bench.load.StoreLoadSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code immudb-bench store}: concurrent commits against one store; see {@link StoreLoad}. Prints
 * progress to the error stream and the result as one JSON line on the output stream.
 *
 * <p>Not thread-safe: one instance serves one invocation.
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = "Commit throughput and latency of ImmuStore with concurrent committers.")
final class StoreCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  @Option(names = "--committers", defaultValue = "20", description = "Committer threads.")
  int committers;

  @Option(names = "--txs", defaultValue = "50", description = "Measured txs per committer.")
  int txs;

  @Option(names = "--entries-per-tx", defaultValue = "1000", description = "Entries per tx.")
  int entriesPerTx;

  @Option(names = "--key-len", defaultValue = "32", description = "Key length in bytes.")
  int keyLen;

  @Option(names = "--value-len", defaultValue = "64", description = "Value length in bytes.")
  int valueLen;

  @Option(
      names = "--synced",
      arity = "1",
      defaultValue = "true",
      description = "true: each commit waits for fdatasync; false: for the write only.")
  boolean synced;

  @Option(
      names = "--random-keys",
      description = "Random key bytes instead of sequential zero-padded keys.")
  boolean randomKeys;

  @Option(
      names = "--data-model",
      description = "Commit through Database.setAll (readable by `read --dir`), not raw commit.")
  boolean dataModel;

  @Option(
      names = "--warmup-txs",
      defaultValue = "0",
      description =
          "Unmeasured txs per committer before the measured ones (JIT warm-up), committed"
              + " the same way (--in-flight too).")
  int warmupTxs;

  @Option(
      names = "--dir",
      description = "Store directory, created or reused, and kept. Default: a temporary one.")
  Path dir;

  @Option(
      names = "--index-defer-entries",
      defaultValue = "4000000",
      description =
          "How far (entries) the index may fall behind busy committers before it competes for CPU.")
  long indexDeferEntries;

  @Option(
      names = "--in-flight",
      defaultValue = "1",
      description =
          "Commits each committer keeps in flight through the async API (1: blocking commits).")
  int inFlight;

  StoreCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    StoreLoadSpec spec =
        new StoreLoadSpec(
            committers,
            txs,
            entriesPerTx,
            keyLen,
            valueLen,
            synced,
            randomKeys,
            dataModel,
            warmupTxs,
            dir,
            indexDeferEntries,
            inFlight);
    out.println(StoreLoad.run(spec, err).toJson());
    return 0;
  }
}
