package io.immudb.embedded.database;

import io.immudb.core.kv.KeyValue;
import io.immudb.core.proof.DualProof;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.InvalidRequestException.Kind;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.store.ImmuStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The verifiable operations of the data model (spec v1 §7.4): a write or read plus the proofs that
 * let a client check it against the state it trusts.
 *
 * <p>Thread-safe (stateless over a thread-safe store).
 */
final class VerifiableOps {
  private final ImmuStore store;
  private final Reads reads;
  private final Writes writes;

  VerifiableOps(ImmuStore store, Reads reads, Writes writes) {
    this.store = store;
    this.reads = reads;
    this.writes = writes;
  }

  VerifiableTx set(List<KeyValue> kvs, long proveSinceTx) {
    checkProveSince(proveSinceTx, Kind.ILLEGAL_STATE);
    return proven(writes.set(kvs, false), proveSinceTx);
  }

  CompletableFuture<VerifiableTx> setAsync(
      List<KeyValue> kvs, long proveSinceTx, Executor proofExecutor) {
    checkProveSince(proveSinceTx, Kind.ILLEGAL_STATE);
    return writes.setAsync(kvs, false).thenApplyAsync(h -> proven(h, proveSinceTx), proofExecutor);
  }

  VerifiableTx setReference(
      byte[] key, byte[] referencedKey, long atTx, boolean boundRef, long proveSinceTx) {
    checkProveSince(proveSinceTx, Kind.ILLEGAL_ARGUMENTS);
    return proven(writes.setReference(key, referencedKey, atTx, boundRef, false), proveSinceTx);
  }

  VerifiableTx zAdd(
      byte[] set, double score, byte[] key, long atTx, boolean boundRef, long proveSinceTx) {
    checkProveSince(proveSinceTx, Kind.ILLEGAL_ARGUMENTS);
    return proven(writes.zAdd(set, score, key, atTx, boundRef, false), proveSinceTx);
  }

  VerifiableTx txById(long txId, long proveSinceTx) {
    checkProveSince(proveSinceTx, Kind.ILLEGAL_STATE);
    Tx tx = reads.txById(txId);
    return verifiableTx(tx, proveSinceTx == 0 ? txId : proveSinceTx);
  }

  VerifiableEntry get(byte[] key, long atTx, long sinceTx, long proveSinceTx) {
    Reads.checkKey(key);
    checkProveSince(proveSinceTx, Kind.ILLEGAL_STATE);
    KeyReader.Resolved r = reads.get(key, atTx, sinceTx);
    EntryRef direct = r.direct().ref();
    long vTx = direct.txId();
    long since = proveSinceTx == 0 ? vTx : proveSinceTx;
    Tx tx = store.tx(vTx);
    return new VerifiableEntry(
        r.entry(), verifiableTx(tx, since), store.inclusionProof(tx, direct.entryIndex()));
  }

  private VerifiableTx proven(TxHeader h, long proveSinceTx) {
    return verifiableTx(h.id(), proveSinceTx == 0 ? h.id() : proveSinceTx);
  }

  VerifiableTx verifiableTx(long txId, long proveSinceTx) {
    return verifiableTx(store.tx(txId), proveSinceTx);
  }

  /** {@code tx} (from the store) with the dual proof between it and {@code proveSinceTx}. */
  private VerifiableTx verifiableTx(Tx tx, long proveSinceTx) {
    TxHeader h = tx.header();
    long txId = h.id();
    DualProof proof;
    if (proveSinceTx == txId) {
      proof = store.dualProof(h, h);
    } else if (proveSinceTx < txId) {
      proof = store.dualProof(store.header(proveSinceTx), h);
    } else {
      proof = store.dualProof(h, store.header(proveSinceTx));
    }
    return new VerifiableTx(tx, proof);
  }

  void checkProveSince(long proveSinceTx, Kind kind) {
    if (proveSinceTx < 0 || proveSinceTx > store.lastTxId()) {
      throw new InvalidRequestException(
          kind,
          "proveSinceTx " + proveSinceTx + " is beyond the last committed tx " + store.lastTxId());
    }
  }
}
