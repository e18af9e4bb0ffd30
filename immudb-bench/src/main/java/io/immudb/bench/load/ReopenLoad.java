package io.immudb.bench.load;

import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.ImmuStore;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.embedded.store.VerificationReport;
import io.immudb.legacy.tree.LegacyLedger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Measures how long an existing store takes to open — typically right after the process that wrote
 * it was killed — then how long its index takes to catch up, optionally a full verify, and
 * optionally a rebuild from scratch of its v0.8 tree (the per-entry tree of the legacy port,
 * docs/legacy.md), as the server does when {@code <db>/legacy/} is missing.
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class ReopenLoad {
  private final Path dir;
  private final boolean verify;
  private final boolean legacyTree;
  private final PrintStream err;

  public ReopenLoad(Path dir, boolean verify, boolean legacyTree, PrintStream err) {
    this.dir = dir;
    this.verify = verify;
    this.legacyTree = legacyTree;
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
      if (legacyTree) {
        rebuildLegacyTree(store, json);
      }
      return json.toString();
    }
  }

  /** Deletes the store's v0.8 tree, then times building it again from the whole log. */
  private void rebuildLegacyTree(ImmuStore store, JsonLine json) throws IOException {
    Database db = Database.over("bench", store);
    Path treeDir = LegacyLedger.treeDir(db);
    for (String f : new String[] {"nodes", "txends"}) {
      Files.deleteIfExists(treeDir.resolve(f));
    }
    err.printf("rebuilding the v0.8 tree of %d txs in %s%n", store.lastTxId(), treeDir);
    long t0 = System.nanoTime();
    try (LegacyLedger ledger = LegacyLedger.open(db)) {
      ledger.catchUp();
      long t1 = System.nanoTime();
      long leaves = ledger.tree().size();
      err.printf(
          "v0.8 tree rebuilt: %d leaves in %.3f s (%.0f leaves/s)%n",
          leaves, (t1 - t0) / 1e9, leaves / ((t1 - t0) / 1e9));
      json.put("legacy_leaves", leaves).put("legacy_rebuild_s", (t1 - t0) / 1e9, 3);
    }
  }
}
