package io.immudb.server.metrics;

import io.immudb.embedded.database.Database;
import io.immudb.server.db.DatabaseRegistry;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-database gauges, labelled {@code db} and computed on scrape from the open databases of a
 * {@link DatabaseRegistry} ({@code defaultdb} and user databases; {@code systemdb} is internal and
 * left out): {@code immudb_db_size_bytes}, {@code immudb_number_of_stored_entries}, {@code
 * immudb_last_committed_trx_id}, {@code immudb_last_indexed_trx_id}; and {@code
 * immudb_loaded_databases}. Before the registry is bound (databases still opening) they have no
 * samples.
 *
 * <p>Costs per scrape: a walk of each database's directory for its size; a count of its keys in the
 * index only when the index moved since the previous scrape (the count is cached per indexed tx
 * id).
 *
 * <p><b>Thread-safety:</b> safe for concurrent scrapes.
 */
final class DatabaseGauges {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseGauges.class);

  private final Supplier<DatabaseRegistry> registry;
  private final Map<String, CachedCount> counts = new ConcurrentHashMap<>();

  /** A key count and the indexed tx id it was taken at. */
  private record CachedCount(long indexedTxId, long keys) {}

  /** A database's numbers at one scrape. */
  record Stats(
      String db,
      long sizeBytes,
      long entries,
      long committedTxId,
      long indexedTxId,
      long indexNoSpaceRetries) {}

  DatabaseGauges(PrometheusRegistry metrics, Supplier<DatabaseRegistry> registry) {
    this.registry = registry;
    gauge(
        metrics,
        "immudb_db_size_bytes",
        "Size on disk of the database, in bytes.",
        true,
        Stats::sizeBytes);
    gauge(
        metrics,
        "immudb_number_of_stored_entries",
        "Number of keys (plain keys and references) currently stored in the database.",
        false,
        Stats::entries);
    gauge(
        metrics,
        "immudb_last_committed_trx_id",
        "Id of the database's last committed transaction.",
        false,
        Stats::committedTxId);
    gauge(
        metrics,
        "immudb_last_indexed_trx_id",
        "Id of the last transaction the database's index has applied.",
        false,
        Stats::indexedTxId);
    gauge(
        metrics,
        "immudb_index_no_space_retries",
        "Index writes refused for want of disk space and retried, since the database opened.",
        false,
        Stats::indexNoSpaceRetries);
    GaugeWithCallback.builder()
        .name("immudb_loaded_databases")
        .help("Number of databases loaded (defaultdb and user databases).")
        .callback(
            cb -> {
              DatabaseRegistry r = registry.get();
              if (r != null) {
                cb.call(r.list().size());
              }
            })
        .register(metrics);
  }

  private void gauge(
      PrometheusRegistry metrics,
      String name,
      String help,
      boolean withSize,
      java.util.function.ToLongFunction<Stats> value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("db")
        .callback(
            cb -> {
              for (Stats s : stats(withSize)) {
                cb.call(value.applyAsLong(s), s.db());
              }
            })
        .register(metrics);
  }

  /**
   * The numbers of every loaded database, in list order; a database that fails (closing) is left
   * out. The size is computed only if {@code withSize}.
   */
  List<Stats> stats(boolean withSize) {
    DatabaseRegistry r = registry.get();
    List<Stats> out = new ArrayList<>();
    if (r == null) {
      return out;
    }
    for (String name : r.list()) {
      try {
        Database db = r.get(name);
        long committed = db.lastTxId();
        long indexed = db.indexedTxId();
        long size = withSize ? sizeOnDisk(db.dir()) : 0;
        out.add(
            new Stats(
                name, size, keys(name, db, indexed), committed, indexed, db.indexNoSpaceRetries()));
      } catch (RuntimeException e) {
        LOG.debug("no metrics for database {}: {}", name, e.toString());
      }
    }
    return out;
  }

  private long keys(String name, Database db, long indexed) {
    CachedCount c = counts.get(name);
    if (c == null || c.indexedTxId() != indexed) {
      // The snapshot may be newer than `indexed`; caching it under `indexed` only means the next
      // scrape counts again.
      c = new CachedCount(indexed, db.countAll());
      counts.put(name, c);
    }
    return c.keys();
  }

  /**
   * The total size of the regular files under {@code dir}; files vanishing meanwhile are skipped.
   */
  static long sizeOnDisk(Path dir) {
    long[] total = {0};
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                total[0] += attrs.size();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      LOG.debug("cannot measure {}: {}", dir, e.toString());
    }
    return total[0];
  }
}
