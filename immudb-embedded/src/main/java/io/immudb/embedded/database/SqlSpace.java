package io.immudb.embedded.database;

import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.InvalidRequestException.Kind;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.store.ImmuStore;
import io.immudb.embedded.store.KeyValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL namespace of a database: stored keys that start with {@code 0x02} (spec v1 §3.1, §10),
 * written and read as raw stored bytes by the SQL engine ({@code immudb-sql}), in the same verified
 * tx log as the key-value data model and invisible to it (key-value reads only see namespace {@code
 * 0x00}).
 *
 * <p>This door lets the SQL engine commit several entries in one tx, read at any past tx through
 * {@link SqlView}, and prove one entry; it never reaches the key-value namespaces. Every key passed
 * in MUST start with {@link #PREFIX}, else {@link InvalidRequestException}.
 *
 * <p><b>Thread-safety:</b> every method may be called from any number of threads; concurrency
 * control between SQL writers is the caller's business (the store only rejects duplicate keys in
 * one tx).
 */
public final class SqlSpace {
  /** The first byte of every stored key of the SQL namespace. */
  public static final byte PREFIX = 0x02;

  private final ImmuStore store;
  private final VerifiableOps verifiable;

  SqlSpace(ImmuStore store, VerifiableOps verifiable) {
    this.store = store;
    this.verifiable = verifiable;
  }

  /**
   * Commits {@code entries} (stored keys and values, keys in namespace {@code 0x02}) as one tx and
   * waits until it is indexed, so that a {@link #view()} opened afterwards sees it.
   *
   * @throws io.immudb.embedded.LimitExceededException if a store limit is broken
   */
  public TxHeader commit(List<StoredKeyValue> entries) {
    List<KeyValue> kvs = new ArrayList<>(entries.size());
    for (StoredKeyValue e : entries) {
      byte[] k = e.key();
      checkKey(k);
      kvs.add(KeyValue.ofOwned(k, e.value()));
    }
    TxHeader h = store.commit(kvs);
    store.awaitIndexed(h.id());
    return h;
  }

  /** The id of the last committed tx of the database (any namespace). */
  public long lastTxId() {
    return store.lastTxId();
  }

  /**
   * A consistent read view of the namespace at the last committed tx (waits for the index to reach
   * it). Close it after use.
   */
  public SqlView view() {
    store.awaitIndexed(store.lastTxId());
    return new SqlView(store, store.indexSnapshot());
  }

  /**
   * The entry of {@code storedKey} as of tx {@code atTx} (0 = latest) with the proofs of spec v1
   * §7.4 ({@code VerifiableSQLGet}): its inclusion in its tx and the dual proof between that tx and
   * {@code proveSinceTx}.
   *
   * @throws io.immudb.embedded.KeyNotFoundException if the key has no version there
   */
  public VerifiableSqlEntry verifiableGet(byte[] storedKey, long atTx, long proveSinceTx) {
    checkKey(storedKey);
    verifiable.checkProveSince(proveSinceTx, Kind.ILLEGAL_STATE);
    EntryRef ref;
    try (SqlView v = view()) {
      ref = v.ref(storedKey, atTx);
    }
    long vTx = ref.txId();
    long since = proveSinceTx == 0 ? vTx : proveSinceTx;
    return new VerifiableSqlEntry(
        new SqlEntry(storedKey, store.readValue(ref), vTx),
        verifiable.verifiableTx(vTx, since),
        store.inclusionProof(vTx, ref.entryIndex()));
  }

  static void checkKey(byte[] storedKey) {
    if (storedKey == null || storedKey.length == 0 || storedKey[0] != PREFIX) {
      throw new InvalidRequestException(
          Kind.ILLEGAL_ARGUMENTS, "an SQL key must start with 0x02 (spec v1 §3.1)");
    }
  }
}
