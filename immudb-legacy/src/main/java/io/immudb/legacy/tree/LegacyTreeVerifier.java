package io.immudb.legacy.tree;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.database.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The full offline check of a database's v0.8 tree ({@code immuadmin verify}): every leaf the tree
 * holds is recomputed from the log, and every stored node from the leaves, in one sequential pass;
 * the first disagreement is reported with its file and offset. A tree that lags behind the log is
 * fine (it is derived and catches up); one that is ahead of it is not.
 *
 * <p>Thread-safe (stateless); the database must not be written meanwhile.
 */
public final class LegacyTreeVerifier {
  private LegacyTreeVerifier() {}

  /** The verdict on {@code db}'s tree, or empty if it has none. */
  public static Optional<String> verify(Database db) throws IOException {
    if (!Files.isDirectory(LegacyLedger.treeDir(db))) {
      return Optional.empty();
    }
    try (LegacyTree tree = LegacyTree.open(LegacyLedger.treeDir(db))) {
      return Optional.of(check(db, tree));
    } catch (CorruptedDataException e) {
      return Optional.of("FAILED: " + e.getMessage());
    }
  }

  /** "ok: ..." or "FAILED: ...". */
  private static String check(Database db, LegacyTree tree) {
    long txs = tree.txCount();
    if (txs > db.lastTxId()) {
      return "FAILED: the tree holds " + txs + " txs, the log " + db.lastTxId();
    }
    Sha256Hasher h = Sha256Hasher.create();
    Sha256Digest[] peaks = new Sha256Digest[64];
    long leaves = 0;
    for (long t = 1; t <= txs; t++) {
      List<StoredKeyValue> entries = db.export(t).entries();
      if (tree.txEnd(t) - tree.txEnd(t - 1) != entries.size()) {
        return "FAILED: tx " + t + " has " + entries.size() + " entries, the tree says otherwise";
      }
      for (StoredKeyValue e : entries) {
        LegacyItem item = LegacyEntries.view(leaves, e);
        Sha256Digest carry = LegacyLeaf.hash(h, leaves, item.key(), item.value());
        if (!carry.equals(tree.node(0, leaves))) {
          return "FAILED: leaf " + leaves + " (tx " + t + ") differs from the log's entry";
        }
        int level = 0;
        while ((leaves & (1L << level)) != 0) {
          carry = h.node(peaks[level], carry);
          peaks[level] = null;
          level++;
          long index = ((leaves + 1) >>> level) - 1;
          if (!carry.equals(tree.node(level, index))) {
            return "FAILED: node (" + level + ", " + index + ") differs from its leaves";
          }
        }
        peaks[level] = carry;
        leaves++;
      }
    }
    return "ok: " + leaves + " leaves of " + txs + " txs match the log";
  }
}
