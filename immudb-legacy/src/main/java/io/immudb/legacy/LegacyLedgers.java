package io.immudb.legacy;

import io.immudb.embedded.database.Database;
import io.immudb.legacy.tree.LegacyLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The v0.8 trees of every database a server serves, one {@link LegacyLedger} per open {@link
 * Database}, opened (and rebuilt if needed) on first use. A background thread folds newly committed
 * txs of every database into its tree, so writes through the v1.1 API are in the tree shortly after
 * they commit; v0.8 calls catch up the database they touch before answering.
 *
 * <p><b>Thread-safety:</b> safe for concurrent use. {@link #close} stops the follower and closes
 * every tree; it MUST run before the databases are closed.
 */
public final class LegacyLedgers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyLedgers.class);

  private final LegacyHost host;
  private final Map<Database, LegacyLedger> ledgers = new ConcurrentHashMap<>();
  private final ScheduledExecutorService follower;
  private volatile boolean closed;

  /** Starts following {@code host}'s databases every {@code interval}; zero: no follower. */
  public LegacyLedgers(LegacyHost host, Duration interval) {
    this.host = host;
    if (interval.isZero()) {
      follower = null;
      return;
    }
    follower =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "immudb-legacy-follower");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    follower.scheduleWithFixedDelay(this::followAll, 0, ms, TimeUnit.MILLISECONDS);
  }

  private void followAll() {
    for (Database db : host.databases()) {
      if (closed) {
        return;
      }
      try {
        ledger(db).catchUp();
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot update the legacy tree of {}: {}", db.name(), e.toString());
      }
    }
  }

  /** The ledger of {@code db}, opened on first use. */
  public LegacyLedger ledger(Database db) {
    if (closed) {
      throw new IllegalStateException("legacy ledgers are closed");
    }
    return ledgers.computeIfAbsent(
        db,
        d -> {
          try {
            return LegacyLedger.open(d);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The ledger of {@code db}, caught up with every committed tx. */
  public LegacyLedger current(Database db) {
    LegacyLedger l = ledger(db);
    try {
      l.catchUp();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return l;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (follower != null) {
      follower.shutdown();
      try {
        follower.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    IOException first = null;
    for (LegacyLedger l : ledgers.values()) {
      try {
        l.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    ledgers.clear();
    if (first != null) {
      throw first;
    }
  }
}
