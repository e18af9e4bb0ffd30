package io.immudb.bench.load;

import io.immudb.core.kv.KeyValue;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code read} benchmark: random {@code get} and {@code verifiableGet} of existing keys through
 * the data model ({@link Database}, spec v1 §9), on a store written by {@code store --data-model}
 * or populated here.
 *
 * <p>The keys read are the sequential keys {@code [0, keys.count)} recorded in the directory's
 * {@link BenchKeys}; a store written with raw keys or random keys has none, as the data model reads
 * only keys it wrote itself (0x00-prefixed, spec v1 §3).
 *
 * <p>Not thread-safe: {@link #run} is called from one thread, which owns the reader threads.
 */
public final class ReadLoad {
  /** Keys per tx when populating. */
  private static final int VALUE_POOL = 1024;

  private final ReadLoadSpec spec;
  private final PrintStream log;

  private ReadLoad(ReadLoadSpec spec, PrintStream log) {
    this.spec = spec;
    this.log = log;
  }

  /**
   * Runs {@code spec}, printing progress to {@code log}.
   *
   * @throws IllegalArgumentException if the directory holds no data-model keys to read
   * @throws IllegalStateException if a read failed
   */
  public static ReadResult run(ReadLoadSpec spec, PrintStream log) throws IOException {
    return new ReadLoad(spec, log).run();
  }

  private ReadResult run() throws IOException {
    if (spec.populate() == 0) {
      checkReadable(spec.dir());
    }
    try (BenchDir dir = BenchDir.of(spec.dir())) {
      BenchKeys keys = BenchKeys.load(dir.path());
      // Populating is setup, not measurement: skip fsync. The limits only apply to a new store.
      StoreOptions options =
          StoreOptions.builder().synced(false).maxKeyLen(Math.max(1024, spec.keyLen() + 1)).build();
      try (Database db = Database.open("bench", dir.path(), options)) {
        if (spec.populate() > 0) {
          keys = populate(db, keys);
          keys.save(dir.path());
        }
        db.awaitIndexed(db.lastTxId(), StoreLoad.INDEX_WAIT);
        long count = keys.dataModelCount();
        int keyLen = keys.keyLen();
        ReadStats get = new ReadPhase("get", spec, count, keyLen, db::get, log).run();
        long currentTx = db.currentState().txId();
        ReadStats vget =
            new ReadPhase(
                    "vget", spec, count, keyLen, k -> db.verifiableGet(k, 0, 0, currentTx), log)
                .run();
        return new ReadResult(spec, count, get, vget);
      }
    }
  }

  /** Checks, before anything is created, that {@code dir} has data-model keys to read. */
  private static void checkReadable(Path dir) throws IOException {
    BenchKeys keys = Files.isDirectory(dir) ? BenchKeys.load(dir) : new BenchKeys(0, 0, 0);
    if (keys.dataModelCount() == 0) {
      String raw =
          keys.rawCount() == 0
              ? ""
              : " (only " + keys.rawCount() + " raw-store keys, which the data model can't read)";
      throw new IllegalArgumentException(
          "no data-model keys recorded in "
              + dir.resolve(BenchKeys.FILE)
              + raw
              + ": write them with `store --data-model --dir` or pass --populate N");
    }
  }

  /** Adds keys {@code [base, base + populate)} through {@link Database#setAll}. */
  private BenchKeys populate(Database db, BenchKeys keys) {
    int keyLen = keys.keyLenFor(spec.keyLen());
    long base = keys.dataModelCount();
    long n = spec.populate();
    SequentialKeys.checkFits(base + n, keyLen);
    byte[][] values = new byte[VALUE_POOL][spec.valueLen()];
    SplittableRandom rnd = new SplittableRandom();
    for (byte[] v : values) {
      rnd.nextBytes(v);
    }
    log.printf("populating %d keys (%s) from index %d%n", n, SequentialKeys.pattern(keyLen), base);
    AtomicLong done = new AtomicLong();
    long lastTx = 0;
    try (ProgressReporter p = new ProgressReporter(log, "populate", "keys", n, done::get)) {
      for (long i = 0; i < n; i += spec.populateBatch()) {
        int size = (int) Math.min(spec.populateBatch(), n - i);
        List<KeyValue> batch = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
          long idx = base + i + j;
          batch.add(
              new KeyValue(SequentialKeys.key(idx, keyLen), values[(int) (idx % VALUE_POOL)]));
        }
        TxHeader h = db.setAll(batch, true);
        lastTx = h.id();
        done.addAndGet(size);
      }
    }
    db.awaitIndexed(lastTx, StoreLoad.INDEX_WAIT);
    return keys.plus(n, keyLen, true);
  }
}
