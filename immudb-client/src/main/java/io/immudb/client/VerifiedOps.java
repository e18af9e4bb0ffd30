package io.immudb.client;

import com.google.protobuf.Empty;
import io.immudb.client.internal.ProtoDecoder;
import io.immudb.client.internal.SqlRowCodec;
import io.immudb.client.internal.Verifier;
import io.immudb.client.internal.Verifier.Expected;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.kv.Reference;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import io.immudb.core.kv.ZAddKeyCodec;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.VerifiableEntry;
import io.immudb.proto.VerifiableSQLEntry;
import io.immudb.proto.VerifiableTx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The verified calls of {@link ImmuClient}: read the trusted state, make the call with it as {@code
 * proveSinceTx}, check the answer ({@link Verifier}), and only then move the trusted state forward.
 * Each call works on the server identity and database current when it starts.
 *
 * <p>Thread-safe: the trusted state is read and replaced under one lock, and only ever replaced by
 * a newer one, so concurrent verified calls (each checked against the state it read) never move it
 * backwards.
 */
final class VerifiedOps {
  private final Connection conn;
  private final StateHolder holder;
  private final Verifier verifier;
  private final Object lock = new Object();

  VerifiedOps(Connection conn, StateHolder holder, byte[] serverSigningKey) {
    this.conn = conn;
    this.holder = holder;
    this.verifier = new Verifier(serverSigningKey);
  }

  /** Where a verified call's state lives: the server's identity and the database. */
  private record Scope(String serverUuid, String database) {}

  private Scope scope() {
    return new Scope(conn.serverUuid(), conn.session().database());
  }

  ImmuState trusted() throws VerificationException {
    return trusted(scope());
  }

  /** The trusted state of {@code s}, trusting the server's current state on first use. */
  private ImmuState trusted(Scope s) throws VerificationException {
    Optional<ImmuState> known = holder.get(s.serverUuid(), s.database());
    if (known.isPresent()) {
      return known.get();
    }
    synchronized (lock) {
      known = holder.get(s.serverUuid(), s.database());
      if (known.isPresent()) {
        return known.get();
      }
      ImmutableState st = conn.call(x -> x.currentState(Empty.getDefaultInstance()));
      if (!st.getDb().equals(s.database()) || st.getTxHash().size() != Sha256Digest.LENGTH) {
        throw new VerificationException(
            Reason.MALFORMED_PROOF,
            "asked for the state of " + s.database() + ", got a state of '" + st.getDb() + "'");
      }
      ImmuState state =
          new ImmuState(st.getDb(), st.getTxId(), Sha256Digest.of(st.getTxHash().toByteArray()));
      verifier.checkSignature(state, st.hasSignature() ? st.getSignature() : null);
      holder.set(s.serverUuid(), state);
      return state;
    }
  }

  /** Makes {@code next} the trusted state of {@code s} unless a newer one is trusted already. */
  private void advance(Scope s, ImmuState next) {
    synchronized (lock) {
      Optional<ImmuState> cur = holder.get(s.serverUuid(), s.database());
      if (cur.isEmpty() || next.txId() > cur.get().txId()) {
        holder.set(s.serverUuid(), next);
      }
    }
  }

  TxHeader setAll(List<KeyValue> kvs) throws VerificationException {
    Scope s = scope();
    ImmuState t = trusted(s);
    io.immudb.proto.SetRequest.Builder r = io.immudb.proto.SetRequest.newBuilder();
    kvs.forEach(kv -> r.addKVs(Requests.kv(kv.key(), kv.value())));
    VerifiableTx a =
        conn.call(
            x ->
                x.verifiableSet(
                    io.immudb.proto.VerifiableSetRequest.newBuilder()
                        .setSetRequest(r)
                        .setProveSinceTx(t.txId())
                        .build()));
    List<Expected> expected =
        kvs.stream()
            .map(kv -> new Expected(StoredKeys.plain(kv.key()), StoredValues.plain(kv.value())))
            .toList();
    return write(s, t, a, expected);
  }

  TxHeader setReference(byte[] key, byte[] referencedKey, long atTx) throws VerificationException {
    Scope s = scope();
    ImmuState t = trusted(s);
    VerifiableTx a =
        conn.call(
            x ->
                x.verifiableSetReference(
                    io.immudb.proto.VerifiableReferenceRequest.newBuilder()
                        .setReferenceRequest(Requests.refRequest(key, referencedKey, atTx))
                        .setProveSinceTx(t.txId())
                        .build()));
    return write(
        s,
        t,
        a,
        List.of(new Expected(StoredKeys.plain(key), StoredValues.reference(atTx, referencedKey))));
  }

  TxHeader zAdd(byte[] set, double score, byte[] key, long atTx) throws VerificationException {
    Scope s = scope();
    ImmuState t = trusted(s);
    VerifiableTx a =
        conn.call(
            x ->
                x.verifiableZAdd(
                    io.immudb.proto.VerifiableZAddRequest.newBuilder()
                        .setZAddRequest(Requests.zAddRequest(set, score, key, atTx))
                        .setProveSinceTx(t.txId())
                        .build()));
    return write(
        s, t, a, List.of(new Expected(ZAddKeyCodec.encode(set, score, key, atTx), new byte[0])));
  }

  private TxHeader write(Scope s, ImmuState t, VerifiableTx a, List<Expected> expected)
      throws VerificationException {
    ImmuState next = verifier.verifyWrite(t, a, expected);
    advance(s, next);
    return ProtoDecoder.header(a.getTx().getMetadata());
  }

  Entry get(byte[] key, long atTx, long sinceTx) throws VerificationException {
    Scope s = scope();
    ImmuState t = trusted(s);
    VerifiableEntry a =
        conn.call(
            x ->
                x.verifiableGet(
                    io.immudb.proto.VerifiableGetRequest.newBuilder()
                        .setKeyRequest(Requests.keyRequest(key, atTx, sinceTx))
                        .setProveSinceTx(t.txId())
                        .build()));
    Checked<Entry> c = checkEntry(verifier, t, key, atTx, a);
    Entry e = c.value();
    ImmuState next = c.next();
    Optional<Reference> ref = e.referencedBy();
    advance(s, next);
    if (ref.isPresent()) {
      // The proof covers the reference; prove the referenced value too (one level, spec v1 §9.7).
      Entry target = get(e.key(), e.tx(), 0);
      if (target.referencedBy().isPresent() || !Arrays.equals(target.value(), e.value())) {
        throw mismatch(next, "the referenced value differs from the one proven in tx " + e.tx());
      }
    }
    return e;
  }

  /** A checked answer: what it holds, and the state to trust next. */
  record Checked<T>(T value, ImmuState next) {}

  /**
   * Checks the answer {@code a} to a {@code VerifiableGet} of {@code key} (at {@code atTx} if
   * positive) against {@code t}: the entry is the one asked for and proven in its tx. The
   * referenced value of a reference is not proven here.
   */
  static Checked<Entry> checkEntry(
      Verifier verifier, ImmuState t, byte[] key, long atTx, VerifiableEntry a)
      throws VerificationException {
    if (!a.hasEntry() || !a.hasInclusionProof() || !a.hasVerifiableTx()) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF, "the answer lacks the entry, its inclusion proof or its tx");
    }
    Entry e = ProtoDecoder.entry(a.getEntry());
    Optional<Reference> ref = e.referencedBy();
    byte[] readKey = ref.map(Reference::key).orElse(e.key());
    long vTx = ref.map(Reference::tx).orElse(e.tx());
    if (!Arrays.equals(readKey, key)) {
      throw mismatch(t, "the answer is for another key");
    }
    if (atTx > 0 && vTx != atTx) {
      throw mismatch(t, "asked for the value written by tx " + atTx + ", got tx " + vTx);
    }
    Expected stored =
        ref.isPresent()
            ? new Expected(
                StoredKeys.plain(readKey), StoredValues.reference(ref.get().atTx(), e.key()))
            : new Expected(StoredKeys.plain(readKey), StoredValues.plain(e.value()));
    return new Checked<>(
        e, verifier.verifyRead(t, vTx, stored, a.getInclusionProof(), a.getVerifiableTx()));
  }

  SqlRow sqlGet(String table, List<Object> pk, long atTx, long sinceTx)
      throws VerificationException {
    Scope s = scope();
    ImmuState t = trusted(s);
    io.immudb.proto.SQLGetRequest.Builder g =
        io.immudb.proto.SQLGetRequest.newBuilder()
            .setTable(table)
            .setAtTx(atTx)
            .setSinceTx(sinceTx);
    pk.forEach(v -> g.addPkValues(SqlValues.toWire(v)));
    VerifiableSQLEntry a =
        conn.call(
            x ->
                x.verifiableSQLGet(
                    io.immudb.proto.VerifiableSQLGetRequest.newBuilder()
                        .setSqlGetRequest(g)
                        .setProveSinceTx(t.txId())
                        .build()));
    Checked<SqlRow> c = checkSqlRow(verifier, t, table, pk, atTx, a);
    advance(s, c.next());
    return c.value();
  }

  /**
   * Checks the answer {@code a} to a {@code VerifiableSQLGet} of the row of {@code table} with
   * primary key {@code pk} (as of {@code atTx} if positive) against {@code t}.
   */
  static Checked<SqlRow> checkSqlRow(
      Verifier verifier,
      ImmuState t,
      String table,
      List<Object> pk,
      long atTx,
      VerifiableSQLEntry a)
      throws VerificationException {
    if (!a.hasSqlEntry() || !a.hasInclusionProof() || !a.hasVerifiableTx()) {
      throw new VerificationException(
              Reason.MALFORMED_PROOF, "the answer lacks the row, its inclusion proof or its tx")
          .withStates(t, null);
    }
    io.immudb.proto.SQLEntry row = a.getSqlEntry();
    List<String> pkTypes = new ArrayList<>();
    for (int id : a.getPKIDsList()) {
      pkTypes.add(a.getColTypesByIdOrDefault(id, "?"));
    }
    byte[] key;
    try {
      key = SqlRowCodec.rowKey(a.getDatabaseId(), a.getTableId(), pkTypes, pk);
    } catch (VerificationException e) {
      throw e.withStates(t, null);
    }
    if (!Arrays.equals(key, row.getKey().toByteArray())) {
      throw mismatch(t, "the answer is for another row than the primary key asked for");
    }
    if (atTx > 0 && row.getTx() != atTx) {
      throw mismatch(t, "asked for the row as of tx " + atTx + ", got tx " + row.getTx());
    }
    byte[] value = row.getValue().toByteArray();
    ImmuState next =
        verifier.verifyRead(
            t, row.getTx(), new Expected(key, value), a.getInclusionProof(), a.getVerifiableTx());
    Map<String, Object> values = new LinkedHashMap<>();
    boolean deleted = SqlRowCodec.isTombstone(value);
    try {
      Map<Integer, Object> byId =
          deleted ? Map.of() : SqlRowCodec.decodeRow(value, a.getColTypesByIdMap());
      new TreeMap<>(a.getColNamesByIdMap())
          .forEach((id, sel) -> values.put(SqlColumn.of(sel, "").name(), byId.get(id)));
    } catch (VerificationException e) {
      throw e.withStates(t, next);
    }
    return new Checked<>(
        new SqlRow(table, row.getTx(), deleted, Collections.unmodifiableMap(values)), next);
  }

  private static VerificationException mismatch(ImmuState trusted, String message) {
    return new VerificationException(Reason.ENTRY_MISMATCH, message).withStates(trusted, null);
  }

  Tx txById(long txId) throws VerificationException {
    Scope s = scope();
    ImmuState t = trusted(s);
    VerifiableTx a =
        conn.call(
            x ->
                x.verifiableTxById(
                    io.immudb.proto.VerifiableTxRequest.newBuilder()
                        .setTx(txId)
                        .setProveSinceTx(t.txId())
                        .build()));
    ImmuState next = verifier.verifyTx(t, txId, a);
    advance(s, next);
    return ProtoDecoder.tx(a.getTx());
  }
}
