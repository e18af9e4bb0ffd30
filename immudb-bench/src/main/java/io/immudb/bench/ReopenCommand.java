package io.immudb.bench;

import io.immudb.bench.load.ReopenLoad;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code immudb-bench reopen}: time to open an existing store (e.g. after {@code kill -9} of a
 * {@code store --dir} run), the index catch-up after it, and optionally a full verification.
 */
@Command(
    name = "reopen",
    mixinStandardHelpOptions = true,
    description =
        "Open an existing store and time recovery, index catch-up and (optionally) verify.")
final class ReopenCommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  @Option(names = "--dir", required = true, description = "Store directory.")
  Path dir;

  @Option(names = "--verify", description = "Also run a full verification and time it.")
  boolean verify;

  @Option(
      names = "--legacy-tree",
      description =
          "Also delete the store's v0.8 tree (<dir>/legacy, docs/legacy.md) and time its rebuild.")
  boolean legacyTree;

  ReopenCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    out.println(new ReopenLoad(dir, verify, legacyTree, err).run());
    return 0;
  }
}
