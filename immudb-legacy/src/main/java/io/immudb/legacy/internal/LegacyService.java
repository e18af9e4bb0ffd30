package io.immudb.legacy.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.immudb.core.ErrorCode;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.database.Database;
import io.immudb.legacy.LegacyException;
import io.immudb.legacy.LegacyHost;
import io.immudb.legacy.LegacyLedgers;
import io.immudb.legacy.LegacyLogin;
import io.immudb.legacy.proto.ImmuServiceGrpc;
import io.immudb.legacy.proto.LegacyProto.Database.Builder;
import io.immudb.legacy.proto.LegacyProto.DatabaseListResponse;
import io.immudb.legacy.proto.LegacyProto.HealthResponse;
import io.immudb.legacy.proto.LegacyProto.Index;
import io.immudb.legacy.proto.LegacyProto.Item;
import io.immudb.legacy.proto.LegacyProto.ItemList;
import io.immudb.legacy.proto.LegacyProto.KVList;
import io.immudb.legacy.proto.LegacyProto.Key;
import io.immudb.legacy.proto.LegacyProto.KeyList;
import io.immudb.legacy.proto.LegacyProto.LoginRequest;
import io.immudb.legacy.proto.LegacyProto.LoginResponse;
import io.immudb.legacy.proto.LegacyProto.Proof;
import io.immudb.legacy.proto.LegacyProto.Root;
import io.immudb.legacy.proto.LegacyProto.RootIndex;
import io.immudb.legacy.proto.LegacyProto.SafeGetOptions;
import io.immudb.legacy.proto.LegacyProto.SafeItem;
import io.immudb.legacy.proto.LegacyProto.SafeSetOptions;
import io.immudb.legacy.proto.LegacyProto.Signature;
import io.immudb.legacy.proto.LegacyProto.UseDatabaseReply;
import io.immudb.legacy.tree.LegacyItem;
import io.immudb.legacy.tree.LegacyLedger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code immudb.schema.ImmuService} of v0.8 (immudb4j 0.1.8's {@code schema.proto}): the RPCs
 * immudb4j calls (spec v0.8 §4.3) here, the others of §4.4 in {@link LegacyOtherRpcs}. RPCs with no
 * counterpart here answer UNIMPLEMENTED. Writes go through {@link Database} like the v1.1 API's, so
 * either API reads what the other wrote; proofs come from the database's {@link LegacyLedger}.
 *
 * <p>Thread-safe (stateless besides its collaborators, which are).
 */
public final class LegacyService extends ImmuServiceGrpc.ImmuServiceImplBase {
  private final LegacyHost host;
  private final LegacyLedgers ledgers;
  private final String version;
  private final LegacyOtherRpcs others;

  public LegacyService(LegacyHost host, LegacyLedgers ledgers, String version) {
    this.host = host;
    this.ledgers = ledgers;
    this.version = version;
    this.others = new LegacyOtherRpcs(host, ledgers);
  }

  /** Runs {@code body} and answers with its result or the status of its exception. */
  static <T> void answer(StreamObserver<T> out, Supplier<T> body) {
    T result;
    try {
      result = body.get();
    } catch (RuntimeException e) {
      out.onError(LegacyStatus.toStatus(e));
      return;
    }
    out.onNext(result);
    out.onCompleted();
  }

  private static String auth() {
    return LegacyCallAuth.current();
  }

  @Override
  public void login(LoginRequest req, StreamObserver<LoginResponse> out) {
    answer(
        out,
        () -> {
          if (!host.authEnabled()) {
            throw LegacyException.unknown(
                "server is running with authentication disabled, please enable authentication to"
                    + " login");
          }
          LegacyLogin l =
              host.login(req.getUser().toStringUtf8(), req.getPassword().toStringUtf8());
          return LoginResponse.newBuilder()
              .setToken(l.token())
              .setWarning(ByteString.copyFromUtf8(l.warning()))
              .build();
        });
  }

  @Override
  public void logout(Empty req, StreamObserver<Empty> out) {
    answer(
        out,
        () -> {
          host.logout(auth());
          return Empty.getDefaultInstance();
        });
  }

  @Override
  public void createDatabase(
      io.immudb.legacy.proto.LegacyProto.Database req, StreamObserver<Empty> out) {
    answer(
        out,
        () -> {
          requireAuth();
          host.createDatabase(auth(), req.getDatabasename());
          return Empty.getDefaultInstance();
        });
  }

  @Override
  public void useDatabase(
      io.immudb.legacy.proto.LegacyProto.Database req, StreamObserver<UseDatabaseReply> out) {
    answer(
        out,
        () -> {
          requireAuth();
          String token = host.useDatabase(auth(), req.getDatabasename());
          return UseDatabaseReply.newBuilder().setToken(token).build();
        });
  }

  @Override
  public void databaseList(Empty req, StreamObserver<DatabaseListResponse> out) {
    answer(
        out,
        () -> {
          requireAuth();
          DatabaseListResponse.Builder b = DatabaseListResponse.newBuilder();
          for (String name : host.databaseList(auth())) {
            Builder d = io.immudb.legacy.proto.LegacyProto.Database.newBuilder();
            b.addDatabases(d.setDatabasename(name));
          }
          return b.build();
        });
  }

  private void requireAuth() {
    if (!host.authEnabled()) {
      throw LegacyException.unknown("this command is available only with authentication on");
    }
  }

  @Override
  public void currentRoot(Empty req, StreamObserver<Root> out) {
    answer(
        out,
        () -> {
          LegacyLedger l = ledgers.current(host.database(auth(), "CurrentState", false));
          RootIndex.Builder payload = RootIndex.newBuilder();
          l.state()
              .ifPresent(
                  r ->
                      payload
                          .setIndex(r.at())
                          .setRoot(ByteString.copyFrom(r.root().toByteArray())));
          RootIndex p = payload.build();
          Root.Builder root = Root.newBuilder().setPayload(p);
          host.signRoot(p.toByteArray())
              .ifPresent(
                  s ->
                      root.setSignature(
                          Signature.newBuilder()
                              .setSignature(ByteString.copyFrom(s.signature()))
                              .setPublicKey(ByteString.copyFrom(s.publicKey()))));
          return root.build();
        });
  }

  @Override
  public void set(io.immudb.legacy.proto.LegacyProto.KeyValue req, StreamObserver<Index> out) {
    answer(
        out,
        () -> {
          LegacyKeys.check(req.getKey());
          Database db = host.database(auth(), "Set", true);
          TxHeader h = db.set(req.getKey().toByteArray(), req.getValue().toByteArray());
          return Index.newBuilder()
              .setIndex(LegacyProofBuilder.indexOf(ledgers, db, h.id(), 0))
              .build();
        });
  }

  @Override
  public void safeSet(SafeSetOptions req, StreamObserver<Proof> out) {
    answer(
        out,
        () -> {
          LegacyKeys.check(req.getKv().getKey());
          Database db = host.database(auth(), "VerifiableSet", true);
          LegacyLedger l = ledgers.current(db);
          long prev = LegacyProofBuilder.previousRoot(l, req.hasRootIndex(), req.getRootIndex());
          byte[] key = req.getKv().getKey().toByteArray();
          byte[] value = req.getKv().getValue().toByteArray();
          TxHeader h = db.set(key, value);
          long index = LegacyProofBuilder.indexOf(ledgers, db, h.id(), 0);
          return LegacyProofBuilder.proof(l, new LegacyItem(index, key, value), prev);
        });
  }

  @Override
  public void get(Key req, StreamObserver<Item> out) {
    answer(
        out,
        () -> {
          LegacyKeys.check(req.getKey());
          Database db = host.database(auth(), "Get", false);
          return LegacyProofBuilder.item(latest(db, req.getKey()));
        });
  }

  /** The latest version of {@code key} (a reference resolved once), with its leaf index. */
  private LegacyItem latest(Database db, ByteString key) {
    Entry e = db.get(key.toByteArray());
    return LegacyProofBuilder.itemOf(ledgers, db, e);
  }

  @Override
  public void safeGet(SafeGetOptions req, StreamObserver<SafeItem> out) {
    answer(
        out,
        () -> {
          LegacyKeys.check(req.getKey());
          Database db = host.database(auth(), "VerifiableGet", false);
          LegacyLedger l = ledgers.current(db);
          long prev = LegacyProofBuilder.previousRoot(l, req.hasRootIndex(), req.getRootIndex());
          LegacyItem item = latest(db, req.getKey());
          return SafeItem.newBuilder()
              .setItem(LegacyProofBuilder.item(item))
              .setProof(LegacyProofBuilder.proof(l, item, prev))
              .build();
        });
  }

  @Override
  public void setBatch(KVList req, StreamObserver<Index> out) {
    answer(
        out,
        () -> {
          if (req.getKVsCount() == 0) {
            throw LegacyException.of(ErrorCode.INVALID_ARGUMENT, "empty set");
          }
          Database db = host.database(auth(), "Set", true);
          int max = db.limits().maxTxEntries();
          if (req.getKVsCount() > max) {
            throw LegacyException.of(
                ErrorCode.INVALID_ARGUMENT,
                "Txn is too big to fit into one request: "
                    + req.getKVsCount()
                    + " entries, at most "
                    + max);
          }
          Set<ByteString> seen = new HashSet<>();
          List<KeyValue> kvs = new ArrayList<>(req.getKVsCount());
          for (io.immudb.legacy.proto.LegacyProto.KeyValue kv : req.getKVsList()) {
            LegacyKeys.check(kv.getKey());
            if (!seen.add(kv.getKey())) {
              throw LegacyException.of(
                  ErrorCode.INVALID_ARGUMENT,
                  "duplicated keys are not supported in single batch transaction");
            }
            kvs.add(new KeyValue(kv.getKey().toByteArray(), kv.getValue().toByteArray()));
          }
          TxHeader h = db.setAll(kvs, false);
          long last = LegacyProofBuilder.indexOf(ledgers, db, h.id(), kvs.size() - 1);
          return Index.newBuilder().setIndex(last).build();
        });
  }

  @Override
  public void getBatch(KeyList req, StreamObserver<ItemList> out) {
    answer(
        out,
        () -> {
          Database db = host.database(auth(), "GetAll", false);
          ItemList.Builder b = ItemList.newBuilder();
          for (Key k : req.getKeysList()) {
            LegacyKeys.check(k.getKey());
          }
          for (Key k : req.getKeysList()) {
            try {
              b.addItems(LegacyProofBuilder.item(latest(db, k.getKey())));
            } catch (KeyNotFoundException e) {
              // v0.8: keys that are not found are left out.
            }
          }
          return b.build();
        });
  }

  @Override
  public void health(Empty req, StreamObserver<HealthResponse> out) {
    answer(out, () -> HealthResponse.newBuilder().setStatus(true).setVersion(version).build());
  }

  // The other v0.8 RPCs of spec §4.4 that map onto this server.

  @Override
  public void scan(
      io.immudb.legacy.proto.LegacyProto.ScanOptions req, StreamObserver<ItemList> out) {
    answer(out, () -> others.scan(req));
  }

  @Override
  public void count(
      io.immudb.legacy.proto.LegacyProto.KeyPrefix req,
      StreamObserver<io.immudb.legacy.proto.LegacyProto.ItemsCount> out) {
    answer(out, () -> others.count(req));
  }

  @Override
  public void history(Key req, StreamObserver<ItemList> out) {
    answer(out, () -> others.history(req));
  }

  @Override
  public void byIndex(Index req, StreamObserver<Item> out) {
    answer(out, () -> others.byIndex(req));
  }

  @Override
  public void bySafeIndex(
      io.immudb.legacy.proto.LegacyProto.SafeIndexOptions req, StreamObserver<SafeItem> out) {
    answer(out, () -> others.bySafeIndex(req));
  }

  @Override
  public void iScan(
      io.immudb.legacy.proto.LegacyProto.IScanOptions req,
      StreamObserver<io.immudb.legacy.proto.LegacyProto.Page> out) {
    answer(out, () -> others.iScan(req));
  }

  @Override
  public void inclusion(
      Index req, StreamObserver<io.immudb.legacy.proto.LegacyProto.InclusionProof> out) {
    answer(out, () -> others.inclusion(req));
  }

  @Override
  public void consistency(
      Index req, StreamObserver<io.immudb.legacy.proto.LegacyProto.ConsistencyProof> out) {
    answer(out, () -> others.consistency(req));
  }

  @Override
  public void reference(
      io.immudb.legacy.proto.LegacyProto.ReferenceOptions req, StreamObserver<Index> out) {
    answer(out, () -> others.reference(req));
  }

  @Override
  public void zAdd(io.immudb.legacy.proto.LegacyProto.ZAddOptions req, StreamObserver<Index> out) {
    answer(out, () -> others.zAdd(req));
  }

  @Override
  public void safeReference(
      io.immudb.legacy.proto.LegacyProto.SafeReferenceOptions req, StreamObserver<Proof> out) {
    answer(out, () -> others.safeReference(req));
  }

  @Override
  public void safeZAdd(
      io.immudb.legacy.proto.LegacyProto.SafeZAddOptions req, StreamObserver<Proof> out) {
    answer(out, () -> others.safeZAdd(req));
  }

  @Override
  public void zScan(
      io.immudb.legacy.proto.LegacyProto.ZScanOptions req, StreamObserver<ItemList> out) {
    answer(out, () -> others.zScan(req));
  }
}
