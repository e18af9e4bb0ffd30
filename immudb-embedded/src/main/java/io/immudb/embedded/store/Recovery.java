package io.immudb.embedded.store;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.internal.appendable.Appendable;
import io.immudb.embedded.internal.txlog.CommitRecord;
import io.immudb.embedded.internal.txlog.RecordException;
import io.immudb.embedded.internal.txlog.TxRecord;
import io.immudb.embedded.internal.txlog.TxRecordCodec;
import io.immudb.embedded.internal.txlog.ValueRecordCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the logs back to the last fully committed transaction when a store is opened.
 *
 * <p>The commit record is written only after the tx's value and tx records (and, when synced, after
 * they were synced); the commit log itself is synced lazily, because it can be re-derived from the
 * tx log. So after a crash:
 *
 * <ul>
 *   <li>a partial commit record at the end of the commit log is a torn write: it is cut;
 *   <li>complete, checksummed tx records that follow the last commit record, continue the Alh chain
 *       and have complete value records (if they have one; a tx whose values are all inline has
 *       none) get their commit records back (roll forward): a synced commit is durable once its tx
 *       and value records are;
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
    Tail tail = n == 0 ? Tail.EMPTY : checkLast(vlog, txlog, clog, reader, n);
    tail = rollForward(vlog, txlog, clog, tail);
    cut(txlog, tail.txEnd, "tx log");
    cut(vlog, tail.valuesEnd, "value log");
    return tail.state;
  }

  /** Where the committed data ends, and the last committed state. */
  private record Tail(CommittedState state, long txEnd, long valuesEnd) {
    static final Tail EMPTY = new Tail(CommittedState.EMPTY, 0, 0);
  }

  /** Checks the last commit record against the tx and value records it points at. */
  private static Tail checkLast(
      Appendable vlog, Appendable txlog, Appendable clog, TxReader reader, long n) {
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
    if (rec.valuesLen() > 0) {
      reader.valueRecord(n, rec.valuesOff(), rec.valuesLen());
    }
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
    return new Tail(
        new CommittedState(n, alh, rec.header().ts()),
        last.txOff() + last.txLen(),
        rec.valuesOff() + rec.valuesLen());
  }

  /**
   * Re-derives commit records that were lost with the page cache: the commit log is synced lazily,
   * so after a power failure it may end before the last tx whose tx and value records were synced.
   * Every complete, checksummed tx record that follows the last commit record, continues the Alh
   * chain and has a complete value record right after the previous tx's values (or has no value
   * record, and {@code valuesOff} says the previous tx's values end there) gets its commit record
   * back.
   */
  private static Tail rollForward(Appendable vlog, Appendable txlog, Appendable clog, Tail tail)
      throws IOException {
    Sha256Hasher h = Sha256Hasher.create();
    ByteBuffer cbuf = ByteBuffer.allocate(CommitRecord.LENGTH);
    long recovered = 0;
    while (true) {
      long id = tail.state.txId() + 1;
      Found found = readTxRecord(txlog, tail.txEnd, id);
      TxRecord rec = found == null ? null : found.record();
      if (rec == null
          || rec.valuesOff() != tail.valuesEnd
          || !rec.header().prevAlh().equals(id == 1 ? Sha256Digest.EMPTY : tail.state.alh())
          || !valueRecordOk(vlog, rec, id)) {
        break;
      }
      Sha256Digest alh = rec.header().alh(h);
      int len = found.length();
      cbuf.clear();
      new CommitRecord(id, tail.txEnd, len, alh).encode(cbuf);
      clog.append(cbuf.flip());
      recovered++;
      tail =
          new Tail(
              new CommittedState(id, alh, rec.header().ts()),
              tail.txEnd + len,
              rec.valuesOff() + rec.valuesLen());
    }
    if (recovered > 0) {
      clog.sync();
      LOG.warn("re-derived {} commit records from the tx log", recovered);
    }
    return tail;
  }

  /** A tx record found in the tx log, with its encoded length. */
  private record Found(TxRecord record, int length) {}

  /** The complete, valid tx record {@code id} at {@code off}, or null if there is none. */
  private static Found readTxRecord(Appendable txlog, long off, long id) throws IOException {
    if (off + TxRecordCodec.HEADER_LENGTH + 4 > txlog.size()) {
      return null;
    }
    ByteBuffer head = ByteBuffer.allocate(4);
    txlog.read(off, head);
    int len = head.getInt(0);
    if (len < TxRecordCodec.HEADER_LENGTH + 4 || off + len > txlog.size()) {
      return null;
    }
    ByteBuffer b = ByteBuffer.allocate(len);
    txlog.read(off, b);
    try {
      return new Found(TxRecordCodec.decode(b.flip(), id, off), len);
    } catch (RecordException e) {
      return null;
    }
  }

  /** Whether {@code rec}'s value record is complete and checks; true if it has none. */
  private static boolean valueRecordOk(Appendable vlog, TxRecord rec, long id) throws IOException {
    if (rec.valuesLen() == 0) {
      return true;
    }
    if (rec.valuesOff() + rec.valuesLen() > vlog.size()) {
      return false;
    }
    ByteBuffer b = ByteBuffer.allocate(rec.valuesLen());
    vlog.read(rec.valuesOff(), b);
    try {
      ValueRecordCodec.check(b.flip(), id);
      return true;
    } catch (RecordException e) {
      return false;
    }
  }

  private static void cut(Appendable log, long size, String name) throws IOException {
    if (log.size() > size) {
      LOG.info(
          "cutting {} bytes of uncommitted data at the end of the {}", log.size() - size, name);
      log.truncate(size);
    }
  }
}
