package io.immudb.bench.load;

import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.ImmuStore;
import io.immudb.embedded.store.KeyValue;
import io.immudb.embedded.store.StoreOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The {@code store} benchmark: concurrent committers against one {@link ImmuStore}, measuring
 * commit throughput, per-commit latency, and how long the index lags behind the last commit.
 *
 * <p>Not thread-safe: {@link #run} is called from one thread, which starts one committer thread per
 * {@link StoreLoadSpec#committers()} and joins them all before returning.
 */
public final class StoreLoad {
  /** The longest this benchmark waits for the index to catch up after the last commit. */
  public static final Duration INDEX_WAIT = Duration.ofMinutes(10);

  private final StoreLoadSpec spec;
  private final PrintStream log;

  private StoreLoad(StoreLoadSpec spec, PrintStream log) {
    this.spec = spec;
    this.log = log;
  }

  /**
   * Runs {@code spec}, printing progress to {@code log}. In a directory given by the spec, the
   * store is created or reopened and kept, and {@link BenchKeys} is updated with the sequential
   * keys written.
   *
   * @throws IllegalArgumentException if the directory's recorded keys don't match the spec
   * @throws IllegalStateException if a commit failed
   */
  public static StoreResult run(StoreLoadSpec spec, PrintStream log) throws IOException {
    return new StoreLoad(spec, log).run();
  }

  private StoreResult run() throws IOException {
    try (BenchDir dir = BenchDir.of(spec.dir())) {
      BenchKeys keys = BenchKeys.load(dir.path());
      long base = 0;
      if (!spec.randomKeys()) {
        keys.keyLenFor(spec.keyLen());
        base = spec.dataModel() ? keys.dataModelCount() : keys.rawCount();
        SequentialKeys.checkFits(base + Workload.sequentialKeyCount(spec), spec.keyLen());
      }
      log.printf(
          "generating %d txs of %d entries...%n",
          (long) spec.committers() * (spec.txs() + spec.warmupTxs()), spec.entriesPerTx());
      StoreResult result;
      if (spec.dataModel()) {
        result =
            measureIn(
                dir.path(),
                generate(base, UserPair::new),
                store -> {
                  Database db = Database.over("bench", store);
                  return tx -> db.setAllAsync(UserPair.keyValues(tx), true);
                });
      } else {
        result =
            measureIn(dir.path(), generate(base, KeyValue::ofOwned), store -> store::commitAsync);
      }
      if (!spec.randomKeys()) {
        keys.plus(Workload.sequentialKeyCount(spec), spec.keyLen(), spec.dataModel())
            .save(dir.path());
      }
      return result;
    }
  }

  private <T> Workload<T> generate(long base, BiFunction<byte[], byte[], T> entry) {
    Workload<T> work = Workload.generate(spec, base, System.nanoTime(), entry);
    // Move the pre-generated workload to the old generation now, so that young collections
    // during the measured run don't copy it again.
    System.gc();
    return work;
  }

  /** Opens the store in {@code dir} and measures {@code work} with the commit it gets. */
  private <T> StoreResult measureIn(
      Path dir,
      Workload<T> work,
      Function<ImmuStore, Function<List<T>, CompletableFuture<TxHeader>>> commitTo)
      throws IOException {
    StoreOptions options =
        StoreOptions.builder()
            .synced(spec.synced())
            .maxTxEntries(Math.max(1024, spec.entriesPerTx()))
            .maxKeyLen(Math.max(1024, spec.keyLen() + 1))
            .indexDeferEntries(spec.indexDeferEntries())
            .build();
    try (ImmuStore store = ImmuStore.open(dir, options)) {
      return measure(store, work, commitTo.apply(store));
    }
  }

  private <T> StoreResult measure(
      ImmuStore store, Workload<T> work, Function<List<T>, CompletableFuture<TxHeader>> commit) {
    int n = spec.committers();
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong done = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Committer<T>> committers = new ArrayList<>(n);
    List<Thread> threads = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      Committer<T> k =
          new Committer<>(
              work.txsOf(c), spec.warmupTxs(), commit, spec.inFlight(), ready, go, done, failure);
      committers.add(k);
      Thread t = new Thread(k, "bench-committer-" + c);
      threads.add(t);
      t.start();
    }
    long start;
    Optional<ThreadCpu.Snapshot> cpuBefore;
    try {
      if (spec.warmupTxs() > 0) {
        log.printf("warming up: %d txs per committer%n", spec.warmupTxs());
      }
      ready.await();
      if (failure.get() == null) {
        // Start measuring with the indexer idle, not still busy with the warm-up txs.
        store.awaitIndexed(store.lastTxId(), INDEX_WAIT);
      }
      cpuBefore = ThreadCpu.take();
      start = System.nanoTime();
      go.countDown();
      try (ProgressReporter p =
          new ProgressReporter(log, "store", "txs", spec.totalTxs(), done::get)) {
        for (Thread t : threads) {
          t.join();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
      throw new IllegalStateException("interrupted", e);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e); // stops the committers before go opens
      throw e;
    } finally {
      go.countDown();
    }
    Throwable f = failure.get();
    if (f != null) {
      throw new IllegalStateException("a commit failed: " + f, f);
    }
    long end = start;
    Histogram all = new Histogram(3);
    for (Committer<T> k : committers) {
      end = Math.max(end, k.endNanos());
      all.add(k.latencyMicros());
    }
    long lastTxId = store.lastTxId();
    store.awaitIndexed(lastTxId, INDEX_WAIT);
    long indexed = System.nanoTime();
    Optional<ThreadCpu.Snapshot> cpuAfter = ThreadCpu.take();
    double committersCpu = 0; // -1 when a committer could not measure itself
    for (Committer<T> k : committers) {
      if (k.cpuNanos() < 0) {
        committersCpu = -1;
        break;
      }
      committersCpu += k.cpuNanos() / 1e9;
    }
    Map<ThreadCpu.Role, Double> cpu =
        cpuBefore.isPresent() && cpuAfter.isPresent()
            ? ThreadCpu.seconds(cpuBefore.get(), cpuAfter.get(), committersCpu)
            : Map.of();
    return new StoreResult(
        spec,
        end - start,
        Math.max(0, indexed - end),
        all.getValueAtPercentile(50) / 1e3,
        all.getValueAtPercentile(99) / 1e3,
        all.getMaxValue() / 1e3,
        lastTxId,
        cpu);
  }
}
