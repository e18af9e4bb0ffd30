package io.immudb.embedded.store;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.appendable.Appendable;
import io.immudb.embedded.txlog.CommitRecord;
import io.immudb.embedded.txlog.TxRecord;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the logs back to the last fully committed transaction when a store is opened.
 *
 * <p>The commit record is the commit point and is written only after the tx's values and tx record
 * (and, when synced, after they were synced). So after a crash:
 *
 * <ul>
 *   <li>a partial commit record at the end of the commit log is a torn write: it is cut;
 *   <li>bytes of the value and tx logs beyond the last committed tx belong to transactions that
 *       never committed: they are cut;
 *   <li>a complete commit record that fails its checksum, a committed tx whose records fail theirs,
 *       or an Alh that does not match the commit log cannot come from a crash: it is corruption,
 *       and opening fails with {@link CorruptedDataException} rather than silently dropping an
 *       acknowledged transaction.
 * </ul>
 *
 * <p>Not thread-safe; runs once, before the store starts its threads.
 */
final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private Recovery() {}

  /** Recovers the three logs and returns the last committed state. */
  static CommittedState recover(Appendable vlog, Appendable txlog, Appendable clog, TxReader reader)
      throws IOException {
    long clogSize = clog.size();
    long n = clogSize / CommitRecord.LENGTH;
    if (clogSize % CommitRecord.LENGTH != 0) {
      LOG.warn(
          "cutting a torn commit record of {} bytes at the end of the commit log",
          clogSize % CommitRecord.LENGTH);
      clog.truncate(n * CommitRecord.LENGTH);
    }
    if (n == 0) {
      cut(txlog, 0, "tx log");
      cut(vlog, 0, "value log");
      return CommittedState.EMPTY;
    }
    CommitRecord last = reader.commitRecord(n);
    if (last.txOff() + last.txLen() > txlog.size()) {
      throw new CorruptedDataException(
          clog.describe(CommitRecord.offsetOf(n)),
          "committed tx "
              + n
              + " ends at "
              + (last.txOff() + last.txLen())
              + " beyond the end of the tx log ("
              + txlog.size()
              + ")");
    }
    TxRecord rec = reader.txRecord(last);
    if (rec.valuesOff() + rec.valuesLen() > vlog.size()) {
      throw new CorruptedDataException(
          txlog.describe(last.txOff()),
          "committed tx " + n + " has values beyond the end of the value log");
    }
    reader.valueRecord(n, rec.valuesOff(), rec.valuesLen());
    Sha256Digest alh = rec.header().alh();
    if (!alh.equals(last.alh())) {
      throw new CorruptedDataException(
          txlog.describe(last.txOff()),
          "Alh of tx " + n + " is " + alh + " but the commit log says " + last.alh());
    }
    if (n > 1 && !rec.header().prevAlh().equals(reader.commitRecord(n - 1).alh())) {
      throw new CorruptedDataException(
          txlog.describe(last.txOff()), "prevAlh of tx " + n + " does not match tx " + (n - 1));
    }
    cut(txlog, last.txOff() + last.txLen(), "tx log");
    cut(vlog, rec.valuesOff() + rec.valuesLen(), "value log");
    return new CommittedState(n, alh, rec.header().ts());
  }

  private static void cut(Appendable log, long size, String name) throws IOException {
    if (log.size() > size) {
      LOG.info(
          "cutting {} bytes of uncommitted data at the end of the {}", log.size() - size, name);
      log.truncate(size);
    }
  }
}
