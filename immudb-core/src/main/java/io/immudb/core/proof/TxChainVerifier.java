package io.immudb.core.proof;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The per-transaction checks of a chain read one tx at a time: that tx {@code next} follows the tx
 * before it, exactly as a database builds it.
 *
 * <ul>
 *   <li>{@link #verifyLinearLink}: {@code id} is one more than the previous id and {@code prevAlh}
 *       is the previous Alh (spec v1 §5.1, §5.3);
 *   <li>{@link #verifyEntries}: the header's {@code nEntries} and {@code eH} are the count and the
 *       tree root of the tx's entries (spec v1 §4.1, §3.4);
 *   <li>{@link #verifyBinaryLink}: {@code blRoot} is {@code ROOT(blTxId)} of the caller's hash tree
 *       over the previous Alhs, {@code Z32} for {@code blTxId = 0} (spec v1 §5.1, §6.2); {@link
 *       #verifySyncBinaryLink} also demands {@code blTxId = id − 1}, as a v1.1.0 server always
 *       links (spec v1 §5.1).
 * </ul>
 *
 * <p>Callers run the checks they have the data for, in this order: a reader of a server's answers
 * has no hash tree and skips the binary link; the engine has the tree and links synchronously. The
 * caller owns the chain state: it moves its previous id and Alh on to {@code next.id()} and {@code
 * next.alh()} only after every check passed, and appends {@code next.alh()} to its tree.
 *
 * <p>Thread-safe (stateless). A mismatch throws {@link VerificationException} whose message names
 * the tx and whose digests are the evidence (expected: what the previous txs or the header commit
 * to; computed: what was found). Callers that report in their own words, or with a file and offset,
 * catch it and wrap it.
 */
public final class TxChainVerifier {
  private TxChainVerifier() {}

  /**
   * Checks that {@code next} directly follows tx {@code prevTxId}, whose Alh is {@code prevAlh}
   * (spec v1 §5.1, §5.3). Requires {@code prevTxId ≥ 0}; for {@code prevTxId = 0} the previous Alh
   * is {@link Sha256Digest#EMPTY} (the {@code prevAlh} of tx 1).
   *
   * @throws VerificationException {@code TX_ID_MISMATCH} unless {@code next.id() = prevTxId + 1},
   *     {@code ALH_MISMATCH} unless {@code next.prevAlh() = prevAlh}
   */
  public static void verifyLinearLink(long prevTxId, Sha256Digest prevAlh, TxHeader next)
      throws VerificationException {
    Objects.requireNonNull(prevAlh, "prevAlh");
    if (prevTxId < 0) {
      throw new IllegalArgumentException("requires prevTxId >= 0, got " + prevTxId);
    }
    long id = prevTxId + 1;
    if (next.id() != id) {
      throw new VerificationException(
          Reason.TX_ID_MISMATCH, "tx " + next.id() + " found where tx " + id + " was expected");
    }
    if (!next.prevAlh().equals(prevAlh)) {
      throw new VerificationException(
          Reason.ALH_MISMATCH,
          "tx " + id + ": prevAlh " + next.prevAlh().toHex() + " is not the Alh of tx " + prevTxId,
          null,
          prevAlh,
          next.prevAlh());
    }
  }

  /**
   * Checks that the entries of {@code tx} hash to its header's {@code eH} (spec v1 §3.4, §4.1).
   *
   * @throws VerificationException as {@link #verifyEntries(TxHeader, int, Sha256Digest)}
   */
  public static void verifyEntries(Tx tx, Sha256Hasher hasher) throws VerificationException {
    List<Sha256Digest> digests = new ArrayList<>(tx.entries().size());
    for (TxEntry e : tx.entries()) {
      digests.add(e.digest(hasher));
    }
    verifyEntries(tx.header(), digests, hasher);
  }

  /**
   * Checks that the entry digests {@code entryDigests}, in commit order, are those of the tx of
   * {@code header}: as many as {@code nEntries}, with tree root {@code eH} (spec v1 §4.1).
   *
   * @throws VerificationException as {@link #verifyEntries(TxHeader, int, Sha256Digest)}
   */
  public static void verifyEntries(
      TxHeader header, List<Sha256Digest> entryDigests, Sha256Hasher hasher)
      throws VerificationException {
    verifyCount(header, entryDigests.size());
    verifyEh(header, HTree.build(entryDigests, hasher).root());
  }

  /**
   * Checks a tx's entry count and entry-tree root, both computed by the caller from its entries,
   * against {@code header} (spec v1 §4.1).
   *
   * @throws VerificationException {@code ENTRY_MISMATCH} unless {@code nEntries =
   *     header.nEntries()}, {@code TX_INCLUSION} unless {@code eh = header.eh()}
   */
  public static void verifyEntries(TxHeader header, int nEntries, Sha256Digest eh)
      throws VerificationException {
    Objects.requireNonNull(eh, "eh");
    verifyCount(header, nEntries);
    verifyEh(header, eh);
  }

  /**
   * Checks that {@code next.blRoot()} is the root of the caller's hash tree over the Alhs of txs
   * {@code 1..blTxId}, or {@code Z32} when {@code blTxId = 0} (spec v1 §5.1, §6.2). Any {@code
   * blTxId < id} is accepted, as in an asynchronously linked chain.
   *
   * @param roots {@code n ↦ ROOT(n)} of the caller's tree; asked only for {@code n = blTxId ≥ 1},
   *     so a caller that checked the linear link first must answer for {@code 1 ≤ n < next.id()}
   * @throws VerificationException {@code AHT_CONSISTENCY} if the roots differ
   */
  public static void verifyBinaryLink(TxHeader next, LongFunction<Sha256Digest> roots)
      throws VerificationException {
    long n = next.blTxId();
    Sha256Digest root =
        n == 0 ? Sha256Digest.ZERO : Objects.requireNonNull(roots.apply(n), "ROOT(blTxId)");
    if (!next.blRoot().equals(root)) {
      throw new VerificationException(
          Reason.AHT_CONSISTENCY,
          "tx " + next.id() + ": blRoot is not the root of the hash tree of txs 1.." + n,
          null,
          root,
          next.blRoot());
    }
  }

  /**
   * {@link #verifyBinaryLink}, and {@code blTxId = id − 1}: the tx is linked to every tx before it,
   * as a v1.1.0 server and this project's engine always link (spec v1 §5.1, §6.1).
   *
   * @param roots {@code n ↦ ROOT(n)}; asked only for {@code n = next.id() − 1 ≥ 1}
   * @throws VerificationException {@code AHT_CONSISTENCY} if {@code blTxId} or {@code blRoot}
   *     differs
   */
  public static void verifySyncBinaryLink(TxHeader next, LongFunction<Sha256Digest> roots)
      throws VerificationException {
    if (next.blTxId() != next.id() - 1) {
      throw new VerificationException(
          Reason.AHT_CONSISTENCY,
          "tx "
              + next.id()
              + ": blTxId is "
              + next.blTxId()
              + ", not "
              + (next.id() - 1)
              + " (the hash tree of all txs before it)");
    }
    verifyBinaryLink(next, roots);
  }

  private static void verifyCount(TxHeader header, int nEntries) throws VerificationException {
    if (nEntries != header.nEntries()) {
      throw new VerificationException(
          Reason.ENTRY_MISMATCH,
          "tx " + header.id() + ": " + nEntries + " entries, the header says " + header.nEntries());
    }
  }

  private static void verifyEh(TxHeader header, Sha256Digest eh) throws VerificationException {
    if (!eh.equals(header.eh())) {
      throw new VerificationException(
          Reason.TX_INCLUSION,
          "tx "
              + header.id()
              + ": its entries hash to eH "
              + eh.toHex()
              + ", the header says "
              + header.eh().toHex(),
          null,
          header.eh(),
          eh);
    }
  }
}
