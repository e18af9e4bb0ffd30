package io.immudb.server.grpc;

import io.immudb.embedded.database.Database;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.ReferenceRequest;
import io.immudb.proto.VerifiableEntry;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.VerifiableReferenceRequest;
import io.immudb.proto.VerifiableSetRequest;
import io.immudb.proto.VerifiableTx;
import io.immudb.proto.VerifiableTxRequest;
import io.immudb.proto.VerifiableZAddRequest;
import io.immudb.proto.ZAddRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The verified RPCs of spec v1 §7.4 as functions of a {@link Database}: each returns the proofs the
 * client checks, with the direction rules of §7.4. Signing (spec v1 §8.3) is added by the service
 * when the server has a key. Stateless and thread-safe.
 */
public final class VerifiableRpcs {
  private VerifiableRpcs() {}

  /** {@code VerifiableSet}: commit, then the dual proof from {@code proveSinceTx} to the new tx. */
  public static VerifiableTx.Builder verifiableSet(Database db, VerifiableSetRequest req) {
    return WireCodec.verifiableTx(
        db.verifiableSet(KvRpcs.keyValues(req.getSetRequest()), req.getProveSinceTx()));
  }

  /** As {@link #verifiableSet}, without blocking; the proofs are built on {@code executor}. */
  public static CompletableFuture<VerifiableTx> verifiableSetAsync(
      Database db, VerifiableSetRequest req, Executor executor) {
    return db.verifiableSetAsync(
            KvRpcs.keyValues(req.getSetRequest()), req.getProveSinceTx(), executor)
        .thenApply(v -> WireCodec.verifiableTx(v).build());
  }

  /** {@code VerifiableGet}: the entry, its inclusion proof in its tx, and the dual proof. */
  public static VerifiableEntry.Builder verifiableGet(Database db, VerifiableGetRequest req) {
    KeyRequest k = req.getKeyRequest();
    return WireCodec.verifiableEntry(
        db.verifiableGet(KvRpcs.b(k.getKey()), k.getAtTx(), k.getSinceTx(), req.getProveSinceTx()));
  }

  /** {@code VerifiableTxById}. */
  public static VerifiableTx.Builder verifiableTxById(Database db, VerifiableTxRequest req) {
    return WireCodec.verifiableTx(db.verifiableTxById(req.getTx(), req.getProveSinceTx()));
  }

  /** {@code VerifiableSetReference}. */
  public static VerifiableTx.Builder verifiableSetReference(
      Database db, VerifiableReferenceRequest req) {
    ReferenceRequest r = req.getReferenceRequest();
    return WireCodec.verifiableTx(
        db.verifiableSetReference(
            KvRpcs.b(r.getKey()),
            KvRpcs.b(r.getReferencedKey()),
            r.getAtTx(),
            r.getBoundRef(),
            req.getProveSinceTx()));
  }

  /** {@code VerifiableZAdd}. */
  public static VerifiableTx.Builder verifiableZAdd(Database db, VerifiableZAddRequest req) {
    ZAddRequest z = req.getZAddRequest();
    return WireCodec.verifiableTx(
        db.verifiableZAdd(
            KvRpcs.b(z.getSet()),
            z.getScore(),
            KvRpcs.b(z.getKey()),
            z.getAtTx(),
            z.getBoundRef(),
            req.getProveSinceTx()));
  }
}
