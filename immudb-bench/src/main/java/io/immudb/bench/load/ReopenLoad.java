package io.immudb.bench.load;

import io.immudb.embedded.store.ImmuStore;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.embedded.store.VerificationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Measures how long an existing store takes to open — typically right after the process that wrote
 * it was killed — then how long its index takes to catch up, and optionally a full verify.
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class ReopenLoad {
  private final Path dir;
  private final boolean verify;
  private final PrintStream err;

  public ReopenLoad(Path dir, boolean verify, PrintStream err) {
    this.dir = dir;
    this.verify = verify;
    this.err = err;
  }

  /** Runs and returns the JSON result line. */
  public String run() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no store at " + dir);
    }
    long t0 = System.nanoTime();
    try (ImmuStore store = ImmuStore.open(dir, StoreOptions.defaults())) {
      long t1 = System.nanoTime();
      long last = store.lastTxId();
      long indexedAtOpen = store.indexedTxId();
      err.printf(
          "opened %s in %.3f s: last tx %d, index at tx %d%n",
          dir, (t1 - t0) / 1e9, last, indexedAtOpen);
      store.awaitIndexed(last, Duration.ofHours(1));
      long t2 = System.nanoTime();
      JsonLine json =
          new JsonLine()
              .put("mode", "reopen")
              .put("last_tx_id", last)
              .put("indexed_tx_at_open", indexedAtOpen)
              .put("open_s", (t1 - t0) / 1e9, 3)
              .put("index_catchup_s", (t2 - t1) / 1e9, 3);
      if (verify) {
        VerificationReport r = store.verify();
        long t3 = System.nanoTime();
        err.println("verify: " + r);
        json.put("verify_ok", r.ok()).put("verify_s", (t3 - t2) / 1e9, 3);
      }
      return json.toString();
    }
  }
}
