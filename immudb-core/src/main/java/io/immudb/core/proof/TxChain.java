package io.immudb.core.proof;

import io.immudb.core.ahtree.AhtNodes;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.tx.TxHeader;

/**
 * Read access to a chain of committed transactions and its append-only hash tree: what {@link
 * ProofBuilder} needs to build proofs.
 *
 * <p>Implementations MUST return the committed headers unchanged and MUST keep {@link #aht()}
 * holding {@code LEAF(Alh_i)} as leaf {@code i} for every transaction it covers (spec v1 §6.1). The
 * tree may lag behind the last header only by transactions no proof asks about. Thread-safety is up
 * to the implementation and stated there; the engine implements this over its files, tests in
 * memory.
 */
public interface TxChain {
  /** The header of transaction {@code txId}. Requires {@code 1 ≤ txId ≤} the last committed id. */
  TxHeader header(long txId);

  /** {@code Alh_txId} (spec v1 §5.3). Implementations may answer from a cache. */
  default Sha256Digest alh(long txId) {
    return header(txId).alh();
  }

  /** The append-only hash tree over the chain's Alh values. */
  AhtNodes aht();
}
