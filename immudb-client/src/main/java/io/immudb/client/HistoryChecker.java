package io.immudb.client;

import io.immudb.core.ahtree.AhtProofs;
import io.immudb.core.ahtree.InMemoryAhTree;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.proof.TxChainVerifier;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.TxHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an exported history transaction by transaction, from tx 1 on, exactly as a database builds
 * it ({@link TxChainVerifier}): consecutive ids, each header's {@code prevAlh} the Alh of the tx
 * before, its {@code eH} the root of its entries' tree (each value hashed), and its {@code blRoot}
 * the root of the hash tree over the Alhs of txs {@code 1..blTxId}. After the last tx, {@link
 * #state} is the state the history ends in: compare it with a state obtained by verified calls to
 * know the history is the server's. Memory: 32 bytes per tx (the hash tree's leaves). Not
 * thread-safe.
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
    TxChainVerifier.verifyLinearLink(lastTxId, lastAlh, h);
    List<Sha256Digest> digests = new ArrayList<>(tx.entries().size());
    for (StoredKeyValue kv : tx.entries()) {
      digests.add(hasher.entryDigest(kv.key(), hasher.hash(kv.value())));
    }
    try {
      TxChainVerifier.verifyEntries(h, digests, hasher);
    } catch (VerificationException e) {
      // A history holds the values themselves: entries that miss eH are a wrong entry, reported
      // as ENTRY_MISMATCH (as this checker always has), not as a failed inclusion proof.
      throw new VerificationException(
          VerificationException.Reason.ENTRY_MISMATCH,
          e.getMessage(),
          null,
          e.expected().orElse(null),
          e.computed().orElse(null));
    }
    TxChainVerifier.verifyBinaryLink(h, n -> AhtProofs.root(tree, n, hasher));
    Sha256Digest alh = h.alh(hasher);
    tree.append(alh);
    lastTxId = h.id();
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
}
