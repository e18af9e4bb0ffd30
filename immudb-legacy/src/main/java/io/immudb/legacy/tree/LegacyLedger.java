package io.immudb.legacy.tree;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.database.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The v0.8 view of one {@link Database}: every entry of its log, in order (tx, then entry), is a
 * leaf of a {@link LegacyTree} kept in {@code <database dir>/legacy/}. The tree is derived data: it
 * follows the log ({@link #catchUp}), and it is rebuilt from the log when it is missing, cut, or
 * does not match the log (a database restored or rolled back under it).
 *
 * <p><b>Thread-safety:</b> safe for concurrent use. Catching up is serialised on this object;
 * readers ({@link #item}, {@link #state}, proofs through {@link #tree}) see only published leaves
 * and never take the lock.
 */
public final class LegacyLedger implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyLedger.class);

  /** Txs read between two publications while catching up (bounds the memory of a rebuild). */
  private static final int BATCH_TXS = 4096;

  /** Ranges at least this long are read ahead on a second thread. */
  private static final int PREFETCH_MIN_TXS = 256;

  /** Most txs, and most entries, read ahead of the hashing. */
  private static final int PREFETCH_TXS = 1024;

  private static final int PREFETCH_ENTRIES = 1 << 16;

  private final Database db;
  private final LegacyTree tree;
  private final Sha256Hasher hasher = Sha256Hasher.create();

  private LegacyLedger(Database db, LegacyTree tree) {
    this.db = db;
    this.tree = tree;
  }

  /** The directory of {@code db}'s legacy tree. */
  public static Path treeDir(Database db) {
    return db.dir().resolve("legacy");
  }

  /**
   * Opens {@code db}'s tree, rebuilding it from scratch if it does not match the log; it is not yet
   * caught up ({@link #catchUp}).
   */
  public static LegacyLedger open(Database db) throws IOException {
    Objects.requireNonNull(db, "db");
    Path dir = treeDir(db);
    LegacyTree tree;
    try {
      tree = LegacyTree.open(dir);
    } catch (CorruptedDataException e) {
      LOG.warn("legacy tree of {} is damaged ({}); rebuilding it", db.name(), e.getMessage());
      wipe(dir);
      tree = LegacyTree.open(dir);
    }
    LegacyLedger ledger = new LegacyLedger(db, tree);
    try {
      if (!ledger.matchesLog()) {
        LOG.warn("legacy tree of {} does not match its log; rebuilding it", db.name());
        tree.rollBackTo(0);
      }
    } catch (IOException | RuntimeException e) {
      tree.close();
      throw e;
    }
    return ledger;
  }

  /** Whether the tree's last tx exists in the log and ends in the leaf the log gives. */
  private boolean matchesLog() {
    long t = tree.txCount();
    if (t == 0) {
      return true;
    }
    if (t > db.lastTxId()) {
      return false;
    }
    try {
      List<StoredKeyValue> entries = db.export(t).entries();
      long end = tree.txEnd(t);
      if (end - tree.txEnd(t - 1) != entries.size()) {
        return false;
      }
      if (entries.isEmpty()) {
        return true;
      }
      long last = end - 1;
      LegacyItem item = LegacyEntries.view(last, entries.get(entries.size() - 1));
      return LegacyLeaf.hash(last, item.key(), item.value()).equals(tree.leaf(last));
    } catch (CorruptedDataException e) {
      return false;
    }
  }

  private static void wipe(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve("nodes"));
    Files.deleteIfExists(dir.resolve("txends"));
  }

  /** The database this ledger follows. */
  public Database database() {
    return db;
  }

  /** The tree, for proofs over its published leaves. */
  public LegacyTree tree() {
    return tree;
  }

  /** Folds every committed tx into the tree. */
  public void catchUp() throws IOException {
    catchUp(db.lastTxId());
  }

  /**
   * Folds every tx up to {@code toTx} into the tree, reading each from the log once; sequential,
   * written and published every {@value #BATCH_TXS} txs. O(entries · log n) hashing.
   */
  public void catchUp(long toTx) throws IOException {
    if (tree.txCount() >= toTx) {
      return;
    }
    synchronized (this) {
      long next = tree.txCount() + 1;
      try {
        while (next <= toTx) {
          next = appendBatch(next, Math.min(toTx, next + BATCH_TXS - 1));
          tree.publish();
        }
      } catch (IOException | RuntimeException e) {
        tree.discardPending(); // the next catch-up starts again from what was published
        throw e;
      }
    }
  }

  /**
   * Appends txs {@code from..to}; returns {@code to + 1}. Requires the tree to end at from-1. A
   * long range (a rebuild) reads the log on a second thread, ahead of the hashing.
   */
  private long appendBatch(long from, long to) throws IOException {
    if (to - from + 1 >= PREFETCH_MIN_TXS) {
      return appendPrefetched(from, to);
    }
    long index = tree.size();
    for (long t = from; t <= to; t++) {
      index = appendTx(db.export(t), index);
    }
    return to + 1;
  }

  private long appendTx(ExportedTx tx, long index) throws IOException {
    List<StoredKeyValue> entries = tx.entries();
    Sha256Digest[] leaves = new Sha256Digest[entries.size()];
    for (int i = 0; i < leaves.length; i++) {
      leaves[i] = LegacyEntries.leaf(hasher, index, entries.get(i));
      index++;
    }
    tree.appendTx(leaves);
    return index;
  }

  /**
   * As {@link #appendBatch}, with the log read by a reader thread into a queue bounded by txs and
   * by entries ({@value #PREFETCH_ENTRIES}): what waits in the queue stays small enough to die
   * young, whatever the size of the txs.
   */
  private long appendPrefetched(long from, long to) throws IOException {
    java.util.concurrent.BlockingQueue<Object> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(PREFETCH_TXS);
    java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(PREFETCH_ENTRIES);
    Thread reader =
        new Thread(
            () -> {
              try {
                for (long t = from; t <= to; t++) {
                  ExportedTx tx = db.export(t);
                  room.acquire(permits(tx));
                  queue.put(tx);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                queue.offer(e);
              }
            },
            "immudb-legacy-reader-" + db.name());
    reader.setDaemon(true);
    reader.start();
    long index = tree.size();
    try {
      for (long t = from; t <= to; t++) {
        Object next = queue.take();
        if (next instanceof RuntimeException e) {
          throw e;
        }
        ExportedTx tx = (ExportedTx) next;
        index = appendTx(tx, index);
        room.release(permits(tx));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while catching up " + db.name());
    } finally {
      reader.interrupt();
    }
    return to + 1;
  }

  /** The queue room a tx takes: its entries, at least 1, at most all of it. */
  private static int permits(ExportedTx tx) {
    return Math.max(1, Math.min(PREFETCH_ENTRIES, tx.entries().size()));
  }

  /** The leaf index of entry {@code position} of tx {@code txId}, catching up to it first. */
  public long indexOf(long txId, int position) throws IOException {
    catchUp(txId);
    long first = tree.txEnd(txId - 1);
    long end = tree.txEnd(txId);
    if (position < 0 || first + position >= end) {
      throw new IllegalArgumentException("tx " + txId + " has no entry " + position);
    }
    return first + position;
  }

  /** The last leaf index of tx {@code txId}, catching up to it first. */
  public long lastIndexOf(long txId) throws IOException {
    catchUp(txId);
    return tree.txEnd(txId) - 1;
  }

  /** The entry at leaf {@code index}, read from the log; empty if the tree has no such leaf yet. */
  public java.util.Optional<LegacyItem> item(long index) {
    if (index < 0 || index >= tree.size()) {
      return java.util.Optional.empty();
    }
    long tx = tree.locate(index);
    int pos = (int) (index - tree.txEnd(tx - 1));
    return java.util.Optional.of(LegacyEntries.view(index, db.export(tx).entries().get(pos)));
  }

  /** The published (last index, root), or empty if the tree has no leaf. */
  public java.util.Optional<LegacyRoot> state() {
    long n = tree.size();
    if (n == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new LegacyRoot(n - 1, LegacyProofs.root(tree, n - 1)));
  }

  /**
   * Checks {@code samples} random leaves against the log (spec v0.8 §7.6, sampled): each entry is
   * re-read, its leaf recomputed and compared with the stored one, and its inclusion proof checked
   * against the current root. A leaf that disagrees means the derived tree is damaged: the tree is
   * cut back to the tx before it and caught up again from the log, and the damage is reported.
   *
   * @return the first leaf index that disagreed, or -1 if all agreed
   */
  public long checkSample(java.util.random.RandomGenerator random, int samples) throws IOException {
    long n = tree.size();
    if (n == 0) {
      return -1;
    }
    Sha256Digest root = LegacyProofs.root(tree, n - 1);
    for (int s = 0; s < samples; s++) {
      long i = random.nextLong(n);
      boolean ok;
      try {
        LegacyItem item = item(i).orElseThrow();
        Sha256Digest leaf = LegacyLeaf.hash(i, item.key(), item.value());
        ok = leaf.equals(tree.leaf(i));
        if (ok) {
          LegacyVerifier.verifyInclusion(
              i, n - 1, leaf, LegacyProofs.inclusionPath(tree, i, n - 1), root);
        }
      } catch (io.immudb.core.proof.VerificationException | CorruptedDataException e) {
        ok = false;
      }
      if (!ok) {
        synchronized (this) {
          long tx = tree.locate(i);
          LOG.error(
              "legacy tree of {} disagrees with the log at leaf {} (tx {}); rebuilding it from tx {}",
              db.name(),
              i,
              tx,
              tx);
          tree.rollBackTo(tx - 1);
        }
        catchUp();
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    tree.close();
  }
}
