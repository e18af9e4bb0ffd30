package io.immudb.client;

import io.immudb.core.ahtree.AhtProofs;
import io.immudb.core.ahtree.InMemoryAhTree;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.TxHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an exported history transaction by transaction, from tx 1 on, exactly as a database builds
 * it: consecutive ids, each header's {@code prevAlh} the Alh of the tx before, its {@code eH} the
 * root of its entries' tree (each value hashed), and its {@code blRoot} the root of the hash tree
 * over the Alhs of txs {@code 1..blTxId}. After the last tx, {@link #state} is the state the
 * history ends in: compare it with a state obtained by verified calls to know the history is the
 * server's. Memory: 32 bytes per tx (the hash tree's leaves). Not thread-safe.
 */
public final class HistoryChecker {
  private final String database;
  private final Sha256Hasher hasher = Sha256Hasher.create();
  private final InMemoryAhTree tree = new InMemoryAhTree();
  private long lastTxId;
  private Sha256Digest lastAlh = Sha256Digest.EMPTY;

  /** A checker for the history of {@code database} (used only to name the states). */
  public HistoryChecker(String database) {
    this.database = database;
  }

  /**
   * Checks {@code tx} as the next tx of the history.
   *
   * @return its Alh
   * @throws VerificationException naming the tx and what does not match
   */
  public Sha256Digest check(ExportedTx tx) throws VerificationException {
    TxHeader h = tx.header();
    long id = lastTxId + 1;
    require(
        VerificationException.Reason.TX_ID_MISMATCH,
        h.id() == id,
        "tx " + h.id() + " found where tx " + id + " was expected");
    require(
        VerificationException.Reason.ALH_MISMATCH,
        h.prevAlh().equals(lastAlh),
        "tx " + id + ": prevAlh " + h.prevAlh().toHex() + " is not the Alh of tx " + lastTxId);
    require(
        VerificationException.Reason.ENTRY_MISMATCH,
        h.nEntries() == tx.entries().size() && !tx.entries().isEmpty(),
        "tx " + id + ": " + tx.entries().size() + " entries, the header says " + h.nEntries());
    List<Sha256Digest> digests = new ArrayList<>(tx.entries().size());
    for (KeyValue kv : tx.entries()) {
      digests.add(hasher.entryDigest(kv.key(), hasher.hash(kv.value())));
    }
    Sha256Digest eh = HTree.build(digests, hasher).root();
    require(
        VerificationException.Reason.ENTRY_MISMATCH,
        eh.equals(h.eh()),
        "tx "
            + id
            + ": its entries hash to eH "
            + eh.toHex()
            + ", the header says "
            + h.eh().toHex());
    Sha256Digest blRoot =
        h.blTxId() == 0 ? Sha256Digest.ZERO : AhtProofs.root(tree, h.blTxId(), hasher);
    require(
        VerificationException.Reason.AHT_CONSISTENCY,
        blRoot.equals(h.blRoot()),
        "tx " + id + ": blRoot is not the root of the hash tree of txs 1.." + h.blTxId());
    Sha256Digest alh = h.alh(hasher);
    tree.append(alh);
    lastTxId = id;
    lastAlh = alh;
    return alh;
  }

  /** Id of the last checked tx (0 before the first). */
  public long lastTxId() {
    return lastTxId;
  }

  /** The state the checked history ends in. */
  public ImmuState state() {
    return new ImmuState(database, lastTxId, lastAlh);
  }

  private static void require(VerificationException.Reason reason, boolean ok, String what)
      throws VerificationException {
    if (!ok) {
      throw new VerificationException(reason, what);
    }
  }
}
