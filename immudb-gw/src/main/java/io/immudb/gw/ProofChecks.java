package io.immudb.gw;

import io.immudb.client.internal.ProtoDecoder;
import io.immudb.client.internal.SqlRowCodec;
import io.immudb.client.internal.Verifier;
import io.immudb.client.internal.Verifier.Expected;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.Reference;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import io.immudb.core.kv.ZAddKeyCodec;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.state.ImmuState;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.KeyValue;
import io.immudb.proto.ReferenceRequest;
import io.immudb.proto.SQLValue;
import io.immudb.proto.VerifiableEntry;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.VerifiableReferenceRequest;
import io.immudb.proto.VerifiableSQLEntry;
import io.immudb.proto.VerifiableSQLGetRequest;
import io.immudb.proto.VerifiableSetRequest;
import io.immudb.proto.VerifiableTx;
import io.immudb.proto.VerifiableTxRequest;
import io.immudb.proto.VerifiableZAddRequest;
import io.immudb.proto.ZAddRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The checks of the verifiable routes (spec v1 §7.3, §7.4), one method per route: send the caller's
 * request with {@code proveSinceTx} set to the gateway's trusted tx (whatever the caller asked
 * for), then check the answer with the SDK's {@link Verifier} — the same checks {@code
 * ImmuClient}'s verified calls make — against what the request said: a write must be a new tx
 * holding exactly the pairs written, a read must be the entry of the key (and tx) asked for.
 * Stateless apart from the verifier; thread-safe.
 */
final class ProofChecks {
  private final Verifier verifier;

  ProofChecks(Verifier verifier) {
    this.verifier = verifier;
  }

  Verified set(UpstreamCall call, ImmuState t, VerifiableSetRequest req)
      throws VerificationException {
    VerifiableTx a = call.stub().verifiableSet(req.toBuilder().setProveSinceTx(t.txId()).build());
    List<Expected> expected = new ArrayList<>();
    for (KeyValue kv : req.getSetRequest().getKVsList()) {
      expected.add(
          new Expected(
              StoredKeys.plain(kv.getKey().toByteArray()),
              StoredValues.plain(kv.getValue().toByteArray())));
    }
    ImmuState next = verifier.verifyWrite(t, a, expected);
    return new Verified(a.getTx().getMetadata(), next);
  }

  Verified setReference(UpstreamCall call, ImmuState t, VerifiableReferenceRequest req)
      throws VerificationException {
    VerifiableTx a =
        call.stub().verifiableSetReference(req.toBuilder().setProveSinceTx(t.txId()).build());
    ReferenceRequest r = req.getReferenceRequest();
    Expected e =
        new Expected(
            StoredKeys.plain(r.getKey().toByteArray()),
            StoredValues.reference(r.getAtTx(), r.getReferencedKey().toByteArray()));
    return new Verified(a.getTx().getMetadata(), verifier.verifyWrite(t, a, List.of(e)));
  }

  Verified zAdd(UpstreamCall call, ImmuState t, VerifiableZAddRequest req)
      throws VerificationException {
    VerifiableTx a = call.stub().verifiableZAdd(req.toBuilder().setProveSinceTx(t.txId()).build());
    ZAddRequest z = req.getZAddRequest();
    Expected e =
        new Expected(
            ZAddKeyCodec.encode(
                z.getSet().toByteArray(), z.getScore(), z.getKey().toByteArray(), z.getAtTx()),
            new byte[0]);
    return new Verified(a.getTx().getMetadata(), verifier.verifyWrite(t, a, List.of(e)));
  }

  Verified txById(UpstreamCall call, ImmuState t, VerifiableTxRequest req)
      throws VerificationException {
    VerifiableTx a =
        call.stub().verifiableTxById(req.toBuilder().setProveSinceTx(t.txId()).build());
    return new Verified(a.getTx(), verifier.verifyTx(t, req.getTx(), a));
  }

  /**
   * A verified read; a key that is a reference is proven as the reference, then the value it
   * resolves to is proven in its own tx (one level, spec v1 §9.7).
   */
  Verified get(UpstreamCall call, ImmuState t, VerifiableGetRequest req)
      throws VerificationException {
    KeyRequest kr = req.getKeyRequest();
    byte[] key = kr.getKey().toByteArray();
    VerifiableEntry a =
        call.stub().verifiableGet(req.toBuilder().setProveSinceTx(t.txId()).build());
    if (!a.hasEntry() || !a.hasInclusionProof() || !a.hasVerifiableTx()) {
      throw new VerificationException(
              Reason.MALFORMED_PROOF, "the answer lacks the entry, its inclusion proof or its tx")
          .withStates(t, null);
    }
    Entry e = ProtoDecoder.entry(a.getEntry());
    Optional<Reference> ref = e.referencedBy();
    byte[] readKey = ref.map(Reference::key).orElse(e.key());
    long vTx = ref.map(Reference::tx).orElse(e.tx());
    if (!Arrays.equals(readKey, key)) {
      throw mismatch(t, "the answer is for another key than the one asked for");
    }
    if (kr.getAtTx() > 0 && vTx != kr.getAtTx()) {
      throw mismatch(t, "asked for the value written by tx " + kr.getAtTx() + ", got tx " + vTx);
    }
    Expected stored =
        ref.isPresent()
            ? new Expected(
                StoredKeys.plain(readKey), StoredValues.reference(ref.get().atTx(), e.key()))
            : new Expected(StoredKeys.plain(readKey), StoredValues.plain(e.value()));
    ImmuState next =
        verifier.verifyRead(t, vTx, stored, a.getInclusionProof(), a.getVerifiableTx());
    if (ref.isPresent()) {
      Verified target =
          get(
              call,
              next,
              VerifiableGetRequest.newBuilder()
                  .setKeyRequest(
                      KeyRequest.newBuilder().setKey(a.getEntry().getKey()).setAtTx(e.tx()))
                  .build());
      Entry te = ProtoDecoder.entry((io.immudb.proto.Entry) target.result());
      if (te.referencedBy().isPresent() || !Arrays.equals(te.value(), e.value())) {
        throw mismatch(next, "the referenced value differs from the one proven in tx " + e.tx());
      }
      next = target.next();
    }
    return new Verified(a.getEntry(), next);
  }

  /**
   * A verified SQL row: the row key is rebuilt from the primary key asked for and the table's
   * column types, and its stored value proven in its tx.
   */
  Verified sqlGet(UpstreamCall call, ImmuState t, VerifiableSQLGetRequest req)
      throws VerificationException {
    VerifiableSQLEntry a =
        call.stub().verifiableSQLGet(req.toBuilder().setProveSinceTx(t.txId()).build());
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
    List<Object> pk = new ArrayList<>();
    for (SQLValue v : req.getSqlGetRequest().getPkValuesList()) {
      pk.add(javaValue(v));
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
    long atTx = req.getSqlGetRequest().getAtTx();
    if (atTx > 0 && row.getTx() != atTx) {
      throw mismatch(t, "asked for the row as of tx " + atTx + ", got tx " + row.getTx());
    }
    ImmuState next =
        verifier.verifyRead(
            t,
            row.getTx(),
            new Expected(key, row.getValue().toByteArray()),
            a.getInclusionProof(),
            a.getVerifiableTx());
    return new Verified(row, next);
  }

  private static Object javaValue(SQLValue v) {
    return switch (v.getValueCase()) {
      case N -> v.getN();
      case S -> v.getS();
      case B -> v.getB();
      case BS -> v.getBs().toByteArray();
      case NULL, VALUE_NOT_SET -> null;
    };
  }

  private static VerificationException mismatch(ImmuState trusted, String message) {
    return new VerificationException(Reason.ENTRY_MISMATCH, message).withStates(trusted, null);
  }
}
