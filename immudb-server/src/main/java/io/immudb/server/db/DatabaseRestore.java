package io.immudb.server.db;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.PushbackException;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database being restored from an exported history (the ImportDatabase RPC): the transactions
 * are replayed, in order, into a fresh store in a hidden directory of the data directory; each must
 * reproduce its exported header exactly (see {@link Database#replicateAsync}). {@link #finish}
 * checks that the history ends in the expected state and only then turns the store into the
 * database; {@link #close} without a successful finish deletes everything. A crash mid-way leaves a
 * hidden directory that the next start removes: a restore is all or nothing.
 *
 * <p>Not thread-safe: one restore is driven by one call.
 */
public final class DatabaseRestore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseRestore.class);

  /** Prefix of the hidden directories of restores in progress. */
  static final String DIR_PREFIX = ".restore-";

  /** Transactions replayed but not yet known to be committed; the writer groups them. */
  private static final int WINDOW = 512;

  /** How long {@link #finish} waits for the index of a large restored history. */
  private static final java.time.Duration INDEX_WAIT = java.time.Duration.ofHours(1);

  private final DatabaseRegistry registry;
  private final String name;
  private final Path dir;
  private final Database partial;
  private final ArrayDeque<CompletableFuture<TxHeader>> pending = new ArrayDeque<>();
  private long lastTxId;
  private boolean done;

  private DatabaseRestore(DatabaseRegistry registry, String name, Path dir, Database partial) {
    this.registry = registry;
    this.name = name;
    this.dir = dir;
    this.partial = partial;
  }

  static DatabaseRestore begin(DatabaseRegistry registry, String name, StoreOptions options)
      throws IOException {
    Path dir = registry.root().resolve(DIR_PREFIX + name + "-" + UUID.randomUUID());
    Database partial = Database.open(name, dir, options);
    LOG.info("restoring database {} into {}", name, dir);
    return new DatabaseRestore(registry, name, dir, partial);
  }

  /** Deletes the directories of restores that never finished (e.g. the server was killed). */
  static void removeLeftovers(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> children = Files.list(root)) {
      for (Path p : children.toList()) {
        if (p.getFileName().toString().startsWith(DIR_PREFIX) && Files.isDirectory(p)) {
          LOG.warn("removing {}, left by a restore that did not finish", p);
          deleteTree(p);
        }
      }
    }
  }

  /** The name the restored database will get. */
  public String name() {
    return name;
  }

  /**
   * Replays the next transaction. It is committed in the background; a transaction that does not
   * fit (gap, broken chain, other entries) fails this or a later call, or {@link #finish}.
   *
   * @throws io.immudb.embedded.ReplicationException if a replayed tx did not match its header
   * @throws ImmuException {@code INVALID_ARGUMENT} if {@code tx} does not have the next tx id
   */
  public void replicate(ExportedTx tx) {
    ensureActive();
    TxHeader header = tx.header();
    if (header.id() != lastTxId + 1) {
      throw new ImmuException(
          ErrorCode.INVALID_ARGUMENT,
          "restore of " + name + ": expected tx " + (lastTxId + 1) + ", got tx " + header.id());
    }
    while (pending.size() >= WINDOW) {
      await(pending.removeFirst());
    }
    while (true) {
      try {
        pending.addLast(partial.replicateAsync(tx));
        break;
      } catch (PushbackException full) {
        if (pending.isEmpty()) {
          throw full;
        }
        await(pending.removeFirst());
      }
    }
    lastTxId = header.id();
  }

  /**
   * Waits for every replayed tx, checks that the history ends at {@code txId} with Alh {@code alh},
   * and makes the store the database.
   *
   * @return the restored database's state
   * @throws ImmuException {@code FAILED_PRECONDITION} if the history ends elsewhere
   */
  public ImmuState finish(long txId, Sha256Digest alh) {
    ensureActive();
    while (!pending.isEmpty()) {
      await(pending.removeFirst());
    }
    ImmuState got = partial.currentState();
    if (got.txId() != txId || !got.txHash().equals(alh)) {
      throw new ImmuException(
          ErrorCode.FAILED_PRECONDITION,
          "restore of "
              + name
              + " ends at tx "
              + got.txId()
              + " with Alh "
              + got.txHash().toHex()
              + ", expected tx "
              + txId
              + " with Alh "
              + alh.toHex());
    }
    // Readable at once: the index catches up before the store becomes the database.
    partial.awaitIndexed(txId, INDEX_WAIT);
    try {
      partial.close();
      Database db = registry.adoptRestored(name, dir);
      done = true;
      return db.currentState();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the restored database " + name, e);
    }
  }

  private void ensureActive() {
    if (done) {
      throw new IllegalStateException("the restore of " + name + " has ended");
    }
  }

  private static void await(CompletableFuture<TxHeader> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Abandons the restore unless it finished: the partial store is deleted. Idempotent. */
  @Override
  public void close() {
    try {
      if (!done) {
        done = true;
        try {
          partial.close();
        } catch (IOException | RuntimeException e) {
          LOG.warn("closing the partial restore of {} failed", name, e);
        }
        try {
          deleteTree(dir);
          LOG.info("restore of {} abandoned; nothing was created", name);
        } catch (IOException e) {
          LOG.warn("cannot delete {}; it is removed at the next start", dir, e);
        }
      }
    } finally {
      registry.restoreEnded(name);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
