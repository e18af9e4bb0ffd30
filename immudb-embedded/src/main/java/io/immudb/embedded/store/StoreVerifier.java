package io.immudb.embedded.store;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.internal.ahtree.FileAhTree;
import io.immudb.embedded.internal.appendable.Appendable;
import io.immudb.embedded.internal.txlog.CommitRecord;
import io.immudb.embedded.internal.txlog.TxRecord;
import io.immudb.embedded.store.VerificationReport.Problem;
import java.util.Optional;

/**
 * Full verification of a store: every committed tx is re-read and every hash recomputed — value
 * hashes, entry digests and {@code eH} ({@link TxChecker#checkRecords}), the Alh chain against the
 * commit log, the recomputed hash tree's roots against each header's {@code blRoot} ({@link
 * TxChecker#checkChainLinks}) and every stored tree node — and the logs' ends are checked against
 * the last tx. Stops at the first problem.
 *
 * <p>Not thread-safe; one verification per instance. Runs beside live commits: it checks the
 * transactions committed when it started.
 */
final class StoreVerifier {
  private final TxReader reader;
  private final FileAhTree aht;
  private final Appendable vlog;
  private final Appendable txlog;
  private final Appendable clog;
  private final TxChecker txChecker;
  private final Sha256Hasher h = Sha256Hasher.create();
  private final Sha256Digest[] peaks = new Sha256Digest[64];
  private long leaves;
  private long entries;
  private long valueBytes;

  StoreVerifier(
      TxReader reader, FileAhTree aht, Appendable vlog, Appendable txlog, Appendable clog) {
    this.reader = reader;
    this.aht = aht;
    this.vlog = vlog;
    this.txlog = txlog;
    this.clog = clog;
    // Offline verification reports what it finds rather than switching the store to read-only.
    this.txChecker = new TxChecker(reader, aht, vlog, txlog, clog, e -> {});
  }

  VerificationReport verify(long lastTxId) {
    Sha256Digest prevAlh = Sha256Digest.EMPTY;
    long id = 1;
    try {
      for (; id <= lastTxId; id++) {
        prevAlh = verifyTx(id, prevAlh);
      }
      if (lastTxId > 0) {
        CommitRecord last = reader.commitRecord(lastTxId);
        TxRecord rec = reader.txRecord(last);
        if (last.txOff() + last.txLen() > txlog.size()) {
          return fail(lastTxId, txlog.describe(txlog.size()), "tx log ends early");
        }
        if (rec.valuesOff() + rec.valuesLen() > vlog.size()) {
          return fail(lastTxId, vlog.describe(vlog.size()), "value log ends early");
        }
      }
      if (clog.size() < lastTxId * CommitRecord.LENGTH) {
        return fail(lastTxId, clog.describe(clog.size()), "commit log ends early");
      }
    } catch (CorruptedDataException e) {
      return fail(id, e.location(), e.what());
    } catch (Mismatch m) {
      return fail(id, m.location, m.getMessage());
    }
    return new VerificationReport(lastTxId, entries, valueBytes, Optional.empty());
  }

  private VerificationReport fail(long txId, String location, String what) {
    return new VerificationReport(
        Math.max(0, txId - 1), entries, valueBytes, Optional.of(new Problem(txId, location, what)));
  }

  private Sha256Digest verifyTx(long id, Sha256Digest prevAlh) {
    TxChecker.Checked checked = txChecker.checkRecords(id, h);
    TxHeader hdr = checked.header();
    valueBytes += checked.valueBytes();
    entries += hdr.nEntries();
    // The tree recomputed here holds txs 1..id-1 (leaves = id - 1): the only root asked for.
    txChecker.checkChainLinks(id, hdr, prevAlh, this::rootOf, checked.commit().txOff());
    Sha256Digest alh = checked.alh();
    appendLeaf(alh);
    return alh;
  }

  /** {@code ROOT(n)} of the recomputed tree. Requires 1 ≤ n = leaves. */
  private Sha256Digest rootOf(long n) {
    if (n != leaves || n == 0) {
      throw new IllegalStateException("ROOT(" + n + ") asked of a tree of " + leaves);
    }
    Sha256Digest acc = null;
    for (int l = 0; l < 64; l++) {
      if ((n >>> l & 1) == 1) {
        acc = acc == null ? peaks[l] : h.node(peaks[l], acc);
      }
    }
    return acc;
  }

  /**
   * Adds a leaf to the recomputed tree and compares every node it completes with the stored one.
   */
  private void appendLeaf(Sha256Digest alh) {
    long n = leaves;
    Sha256Digest carry = h.leaf(alh);
    check(0, n, carry);
    int l = 0;
    while ((n >>> l & 1) == 1) {
      carry = h.node(peaks[l], carry);
      peaks[l] = null;
      l++;
      check(l, n >>> l, carry);
    }
    peaks[l] = carry;
    leaves = n + 1;
  }

  private void check(int level, long index, Sha256Digest expected) {
    if (((index + 1) << level) > aht.size()) {
      return;
    }
    if (!aht.node(level, index).equals(expected)) {
      throw new Mismatch(aht.describeNode(level, index), "stored hash tree node differs");
    }
  }

  private static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String location;

    Mismatch(String location, String what) {
      super(what, null, false, false);
      this.location = location;
    }
  }
}
