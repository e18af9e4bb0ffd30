package io.immudb.embedded.store;

import io.immudb.core.ahtree.AhtNodes;
import io.immudb.core.ahtree.AhtProofs;
import io.immudb.core.ahtree.AhtVerifier;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.TxChainVerifier;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.internal.ahtree.FileAhTree;
import io.immudb.embedded.internal.appendable.Appendable;
import io.immudb.embedded.internal.txlog.CommitRecord;
import io.immudb.embedded.internal.txlog.TxRecord;
import io.immudb.embedded.internal.txlog.TxRecordCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Checks of one committed tx as read back from the logs, bypassing every in-memory cache: the
 * per-tx part of {@link StoreVerifier} ({@link #checkRecords}) and the checks of the online
 * consistency checker ({@link #verifyInSequence}, {@link #verifyTx}).
 *
 * <p>Thread-safe: stateless over {@link TxReader} and the logs' positional reads; callers pass the
 * hasher. A failed check calls the corruption handler (which switches the store to read-only) and
 * throws {@link CorruptedDataException} naming the file and offset. Callers MUST only ask for
 * committed transactions.
 */
final class TxChecker {
  private final TxReader reader;
  private final FileAhTree aht;
  private final Appendable vlog;
  private final Appendable txlog;
  private final Appendable clog;
  private final Consumer<CorruptedDataException> onCorruption;

  TxChecker(
      TxReader reader,
      FileAhTree aht,
      Appendable vlog,
      Appendable txlog,
      Appendable clog,
      Consumer<CorruptedDataException> onCorruption) {
    this.reader = reader;
    this.aht = aht;
    this.vlog = vlog;
    this.txlog = txlog;
    this.clog = clog;
    this.onCorruption = onCorruption;
  }

  /**
   * What {@link #checkRecords} read and recomputed.
   *
   * @param commit the tx's commit record
   * @param header the tx's header, from the tx log
   * @param alh the Alh recomputed from the header (equal to the commit log's)
   * @param valueBytes bytes of values re-hashed
   * @param bytesRead bytes of tx and value records read
   */
  record Checked(
      CommitRecord commit, TxHeader header, Sha256Digest alh, long valueBytes, long bytesRead) {}

  /**
   * Reads tx {@code id}'s commit and tx records and its value record if it has one (checksums) and
   * checks every value, inline or in the value log, against its {@code hValue}, {@code eH} against
   * the entries (spec v1 §4) and the Alh recomputed from the header (spec v1 §5.3) against the
   * commit log.
   */
  Checked checkRecords(long id, Sha256Hasher h) {
    CommitRecord c = reader.commitRecord(id);
    String where = txlog.describe(c.txOff());
    ByteBuffer recordBytes = reader.txRecordBytes(c);
    TxRecord rec = reader.decode(c, recordBytes);
    TxHeader hdr = rec.header();
    ByteBuffer values =
        rec.valuesLen() == 0 ? null : reader.valueRecord(id, rec.valuesOff(), rec.valuesLen());
    List<Sha256Digest> digests = new ArrayList<>(hdr.nEntries());
    long valueBytes = 0;
    for (int i = 0; i < hdr.nEntries(); i++) {
      TxEntry e = rec.entries().get(i);
      long vOff = rec.vOff(i);
      long off = TxRecordCodec.logOffset(vOff);
      // The decoder checked that each value lies inside the record that holds it.
      boolean inline = TxRecordCodec.isInline(vOff);
      Sha256Digest hv =
          inline
              ? h.hash(recordBytes.array(), Math.toIntExact(off - c.txOff()), e.vLen())
              : h.hash(values.array(), Math.toIntExact(off - rec.valuesOff()), e.vLen());
      if (!hv.equals(e.hValue())) {
        throw corrupted(
            (inline ? txlog : vlog).describe(off),
            "value of entry " + i + " does not match its hash");
      }
      digests.add(e.digest(h));
      valueBytes += e.vLen();
    }
    try {
      TxChainVerifier.verifyEntries(hdr, digests, h);
    } catch (VerificationException e) {
      throw corrupted(where, e.getMessage());
    }
    Sha256Digest alh = hdr.alh(h);
    if (!alh.equals(c.alh())) {
      throw corrupted(clog.describe(CommitRecord.offsetOf(id)), "Alh differs from the commit log");
    }
    return new Checked(c, hdr, alh, valueBytes, (long) c.txLen() + rec.valuesLen());
  }

  /**
   * Checks tx {@code id} for a caller that checks txs in commit order: {@link #checkRecords}, then
   * the chain link ({@code prevAlh} equals the commit log's Alh of tx {@code id − 1}), {@code
   * blTxId = id − 1} and {@code blRoot} equal to the root of the stored hash tree over txs {@code
   * 1..id−1}, the stored leaf {@code LEAF(Alh)} and every stored node that leaf completes ({@code
   * NODE(left, right)} of the stored children). With the {@code blRoot} check of tx {@code id + 1}
   * this ties the Alh into the tree. Requires 1 ≤ id ≤ committed txs.
   *
   * @return bytes of tx and value records read
   */
  long verifyInSequence(long id) {
    Sha256Hasher h = Sha256Hasher.create();
    return checkLinks(id, checkRecords(id, h), aht.storedNodes(), h).bytesRead();
  }

  /**
   * Checks tx {@code id} on its own: {@link #verifyInSequence}, plus the inclusion of its Alh in
   * the stored tree of size {@code last − 1} under the {@code blRoot} of tx {@code last} (spec v1
   * §6.3), as read from the tx log. Requires 1 ≤ id ≤ last ≤ committed txs.
   *
   * @return bytes of tx and value records read
   */
  long verifyTx(long id, long last) {
    Sha256Hasher h = Sha256Hasher.create();
    AhtNodes stored = aht.storedNodes();
    Checked c = checkLinks(id, checkRecords(id, h), stored, h);
    if (id < last) {
      TxHeader target = reader.header(last);
      List<Sha256Digest> path = AhtProofs.inclusion(stored, id, last - 1, h);
      try {
        AhtVerifier.verifyInclusion(path, id, last - 1, c.alh(), target.blRoot());
      } catch (VerificationException e) {
        throw corrupted(
            aht.describeNode(0, id - 1),
            "the Alh is not included in the hash tree under the blRoot of tx " + last);
      }
    }
    return c.bytesRead();
  }

  private Checked checkLinks(long id, Checked c, AhtNodes stored, Sha256Hasher h) {
    Sha256Digest prevAlh = id == 1 ? Sha256Digest.EMPTY : reader.commitRecord(id - 1).alh();
    checkChainLinks(
        id, c.header(), prevAlh, size -> AhtProofs.root(stored, size, h), c.commit().txOff());
    long n = id - 1;
    Sha256Digest node = stored.node(0, n);
    if (!node.equals(h.leaf(c.alh()))) {
      throw corrupted(aht.describeNode(0, n), "stored hash tree leaf differs from the Alh");
    }
    // The nodes leaf n completes: (l, n >> l) for each trailing one bit of n.
    for (int l = 1; (n >>> (l - 1) & 1) == 1; l++) {
      long k = n >>> l;
      Sha256Digest left = stored.node(l - 1, 2 * k);
      Sha256Digest parent = stored.node(l, k);
      if (!parent.equals(h.node(left, node))) {
        throw corrupted(aht.describeNode(l, k), "stored hash tree node differs from its children");
      }
      node = parent;
    }
    return c;
  }

  /**
   * Checks that header {@code hdr} of tx {@code id}, at {@code txOff} in the tx log, follows the tx
   * before it: {@code prevAlh} is {@code prevAlh}, {@code blTxId = id − 1} and {@code blRoot} is
   * {@code roots(id − 1)} (spec v1 §5.1, §5.3, §6.2, via {@link TxChainVerifier}).
   */
  void checkChainLinks(
      long id, TxHeader hdr, Sha256Digest prevAlh, LongFunction<Sha256Digest> roots, long txOff) {
    try {
      TxChainVerifier.verifyLinearLink(id - 1, prevAlh, hdr);
      TxChainVerifier.verifySyncBinaryLink(hdr, roots);
    } catch (VerificationException e) {
      throw corrupted(txlog.describe(txOff), e.getMessage());
    }
  }

  private CorruptedDataException corrupted(String location, String what) {
    CorruptedDataException e = new CorruptedDataException(location, what);
    onCorruption.accept(e);
    return e;
  }
}
