package io.immudb.server.consistency;

import io.immudb.embedded.StoreStateException;
import io.immudb.embedded.database.Database;
import io.immudb.server.consistency.ConsistencyStatus.Corruption;
import io.immudb.server.db.DatabaseRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's online consistency checker (the immudb paper's "corruption checker"): one
 * low-priority daemon thread that, every {@link ConsistencyCheckOptions#interval()}, re-verifies
 * for each database the transactions committed since its last round, in order, plus a random sample
 * of older ones, reading them back from disk ({@code Database.verifyTxInSequence} for the former,
 * {@code Database.verifyTx}, which adds an inclusion proof in the latest tree, for the latter).
 *
 * <p>On a failed check it logs an ERROR naming the database, the tx, the file and offset and what
 * did not match, counts it, and marks the database read-only in the {@link DatabaseRegistry}: the
 * server then refuses writes to it with FAILED_PRECONDITION while reads go on (the store itself has
 * already refused further commits). The database is not checked again until the server is
 * restarted.
 *
 * <p>Besides the budgets, the pause after a round is stretched so that rounds take at most {@link
 * #MAX_BUSY_SHARE} (2%) of the wall time: a round that took 100 ms is followed by a pause of at
 * least 4.9 s.
 *
 * <p>The first time the checker sees a database it starts after that database's last tx: older txs
 * are covered by the random sample. Reads are bounded per round by the options' tx and byte
 * budgets, so under a sustained write load faster than {@code txsPerRound / interval} the in-order
 * check falls behind ({@link ConsistencyStatus#lastCheckedTx()}) and catches up when the load
 * drops.
 *
 * <p>Thread-safety: safe for concurrent use; the getters are cheap and lock-free (for metrics).
 * {@link #close} never interrupts a round in progress (an interrupt during a file read would close
 * the store's channel); it asks the round to stop between two txs and waits for it.
 */
public final class ConsistencyChecker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsistencyChecker.class);

  /** Most of the wall time that rounds may take: 2%. */
  static final double MAX_BUSY_SHARE = 0.02;

  private final DatabaseRegistry registry;
  private final ConsistencyCheckOptions options;
  private final RandomGenerator random;
  private final Map<String, DatabaseCheck> checks = new ConcurrentHashMap<>();
  private final Object roundLock = new Object();
  private ScheduledExecutorService executor;
  private volatile boolean closed;
  private volatile java.util.function.Consumer<Database> extraCheck = db -> {};
  private volatile long rounds;
  private volatile long cpuNanos;

  /**
   * A checker of every database of {@code registry} ({@code systemdb} included). Nothing runs until
   * {@link #start}; {@link #runRound} runs one round on the calling thread.
   *
   * @param random picks the sampled txs; seed it in tests for a reproducible sample
   */
  public ConsistencyChecker(
      DatabaseRegistry registry, ConsistencyCheckOptions options, RandomGenerator random) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.options = Objects.requireNonNull(options, "options");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Adds a check of derived data that each round runs on every database after the log checks (the
   * v0.8 tree with {@code --legacy-port}). It MUST handle what it finds itself; exceptions it
   * throws are logged and the round goes on.
   */
  public void alsoCheck(java.util.function.Consumer<Database> check) {
    extraCheck = Objects.requireNonNull(check, "check");
  }

  /**
   * Starts the background thread; the first round runs after one interval. The databases open now
   * get a status at once (nothing checked yet), so that their metrics exist from the start.
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("the consistency checker is closed");
    }
    if (executor != null) {
      return;
    }
    for (String name : databaseNames()) {
      track(name);
    }
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "immudb-consistency-checker");
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
    // close() must not wait for the next round: after a long round the pause before it can be
    // many seconds (pauseAfter), and a shut-down executor would otherwise still run it.
    e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor = e;
    executor.schedule(this::runRoundLogged, options.interval().toNanos(), TimeUnit.NANOSECONDS);
    LOG.info(
        "consistency checker started: every {}, {} new and {} sampled txs per database per round",
        options.interval(),
        options.txsPerRound(),
        options.samplesPerRound());
  }

  /** Runs a round, then schedules the next one after {@link #pauseAfter} its duration. */
  private void runRoundLogged() {
    long started = System.nanoTime();
    try {
      runRound();
    } catch (RuntimeException e) {
      // A failed round must not end the schedule.
      LOG.warn("consistency check round failed; retrying next round: {}", e.toString());
    }
    long pause = pauseAfter(System.nanoTime() - started, options.interval().toNanos());
    synchronized (this) {
      if (!closed && !executor.isShutdown()) {
        executor.schedule(this::runRoundLogged, pause, TimeUnit.NANOSECONDS);
      }
    }
  }

  /**
   * The pause after a round that took {@code roundNanos} (wall time): the interval, or longer so
   * that rounds take at most {@link #MAX_BUSY_SHARE} of the time. Wall time includes waiting for a
   * CPU, so the checker backs off further when the machine is busy.
   */
  static long pauseAfter(long roundNanos, long intervalNanos) {
    double share = MAX_BUSY_SHARE;
    long byShare = (long) Math.min(Long.MAX_VALUE / 2, roundNanos * ((1 - share) / share));
    return Math.max(intervalNanos, byShare);
  }

  /**
   * Runs one round over every open database on the calling thread and returns the corruptions it
   * found. Rounds are serialized.
   */
  public List<ConsistencyStatus> runRound() {
    List<ConsistencyStatus> found = new ArrayList<>();
    long started = System.nanoTime();
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    long txsBefore = txsChecked() + samplesChecked();
    synchronized (roundLock) {
      if (closed) {
        return found;
      }
      for (String name : databaseNames()) {
        if (closed) {
          break;
        }
        DatabaseCheck check = track(name);
        if (check == null) {
          continue; // closed or gone meanwhile
        }
        Optional<Corruption> c;
        try {
          c = check.round(options, () -> closed, bad -> onCorruption(check.database(), bad));
        } catch (StoreStateException e) {
          if (closed) {
            break;
          }
          LOG.warn("consistency check of database {} skipped: {}", name, e.getMessage());
          continue;
        } catch (RuntimeException e) {
          LOG.warn("consistency check of database {} failed: {}", name, e.toString());
          continue;
        }
        if (c.isPresent()) {
          found.add(check.status());
        } else {
          try {
            extraCheck.accept(check.database());
          } catch (RuntimeException e) {
            LOG.warn("derived-data check of database {} failed: {}", name, e.toString());
          }
        }
      }
    }
    long cpu = Math.max(0, threads.getCurrentThreadCpuTime() - cpuStarted);
    synchronized (roundLock) {
      rounds++;
      cpuNanos += cpu;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "consistency check round: {} txs re-verified in {} ms ({} µs of CPU)",
          txsChecked() + samplesChecked() - txsBefore,
          (System.nanoTime() - started) / 1_000_000,
          cpu / 1_000);
    }
    return found;
  }

  private List<String> databaseNames() {
    List<String> names = new ArrayList<>();
    names.add(io.immudb.server.db.DatabaseNames.SYSTEMDB);
    names.addAll(registry.list());
    return names;
  }

  /** The check of database {@code name}, created on first use; null if it is not open. */
  private DatabaseCheck track(String name) {
    try {
      return checks.computeIfAbsent(name, n -> new DatabaseCheck(registry.get(n), random));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void onCorruption(Database db, Corruption c) {
    LOG.error(
        "consistency check: database {} is corrupted at tx {}: {} in {}; the database is now"
            + " read-only",
        db.name(),
        c.txId(),
        c.what(),
        c.location());
    registry.markReadOnly(db.name(), "corruption detected at tx " + c.txId());
  }

  /**
   * The checker's status for database {@code name}: present for the databases open at {@link
   * #start} and for those a round has reached since.
   */
  public Optional<ConsistencyStatus> status(String name) {
    DatabaseCheck c = checks.get(name);
    return c == null ? Optional.empty() : Optional.of(c.status());
  }

  /** The status of every database with a status (see {@link #status(String)}). */
  public List<ConsistencyStatus> status() {
    List<ConsistencyStatus> all = new ArrayList<>();
    for (DatabaseCheck c : checks.values()) {
      all.add(c.status());
    }
    return all;
  }

  /** Txs re-verified in commit order, over all databases. */
  public long txsChecked() {
    long n = 0;
    for (DatabaseCheck c : checks.values()) {
      n += c.txsChecked();
    }
    return n;
  }

  /** Older txs re-verified at random, over all databases. */
  public long samplesChecked() {
    long n = 0;
    for (DatabaseCheck c : checks.values()) {
      n += c.samplesChecked();
    }
    return n;
  }

  /** Rounds run so far. */
  public long rounds() {
    return rounds;
  }

  /**
   * CPU time the checker's rounds used so far, in nanoseconds (the checking thread's CPU time; the
   * JIT compiling its code is not included). 0 where the JVM cannot measure thread CPU time.
   */
  public long cpuNanos() {
    return cpuNanos;
  }

  /** Databases in which a check failed. */
  public long mismatches() {
    long n = 0;
    for (DatabaseCheck c : checks.values()) {
      n += c.corrupted() ? 1 : 0;
    }
    return n;
  }

  /** Stops the background thread after the tx it is checking. Idempotent. */
  @Override
  public void close() {
    closed = true;
    ScheduledExecutorService e;
    synchronized (this) {
      e = executor;
    }
    if (e == null) {
      return;
    }
    e.shutdown();
    try {
      if (!e.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the consistency checker did not stop within 30 s");
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }
}
