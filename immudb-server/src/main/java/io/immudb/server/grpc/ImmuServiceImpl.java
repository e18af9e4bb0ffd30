package io.immudb.server.grpc;

import static io.immudb.server.grpc.Answers.async;
import static io.immudb.server.grpc.Answers.clientStream;
import static io.immudb.server.grpc.Answers.fail;
import static io.immudb.server.grpc.Answers.serverStream;
import static io.immudb.server.grpc.Answers.unary;

import com.google.protobuf.Empty;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.immudb.embedded.database.Database;
import io.immudb.proto.*;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.auth.UserStore;
import io.immudb.server.db.DatabaseRegistry;
import java.util.concurrent.Executor;

/**
 * {@code immudb.schema.ImmuService}: every RPC of spec v1 §9.7, over the database registry, the
 * users and the tokens. Each RPC resolves the caller through {@link Caller} (which applies the
 * method-permission table) and hands the request to the class of its area ({@link AuthRpcs}, {@link
 * UserRpcs}, {@link DatabaseRpcs}, {@link KvRpcs}, {@link VerifiableRpcs}, {@link StreamRpcs},
 * {@link BackupRpcs}), which calls the engine and encodes the answer; {@link Answers} sends it, and
 * failures become statuses in {@link StatusMapper} only.
 *
 * <p>Thread-safe: holds no per-call state.
 */
final class ImmuServiceImpl extends ImmuServiceGrpc.ImmuServiceImplBase {
  static final String VERSION = "1.1.0-immudb-java-0.1.0";

  private final DatabaseRegistry registry;
  private final Caller caller;
  private final AuthRpcs authRpcs;
  private final UserRpcs userRpcs;
  private final DatabaseRpcs databaseRpcs;
  private final SqlRpcs sqlRpcs = new SqlRpcs();
  private final int maxRecvMsgSize;
  private final Executor executor;

  /** Requests up to this size are validated and hashed on the thread that received them. */
  static final int INLINE_REQUEST_BYTES = 64 << 10;

  ImmuServiceImpl(
      DatabaseRegistry registry,
      UserStore users,
      LoginSessions tokens,
      boolean authEnabled,
      boolean maintenance,
      int maxRecvMsgSize,
      Executor executor) {
    this.executor = executor;
    this.maxRecvMsgSize = maxRecvMsgSize;
    this.registry = registry;
    this.caller = new Caller(tokens, users, registry, authEnabled, maintenance);
    this.authRpcs = new AuthRpcs(tokens, caller);
    this.userRpcs = new UserRpcs(users, caller);
    this.databaseRpcs = new DatabaseRpcs(registry, tokens, caller);
  }

  /**
   * Runs {@code call} here, or on the executor when the request is larger than {@link
   * #INLINE_REQUEST_BYTES}. Writes run on the transport thread (see {@link
   * ImmuServices#callExecutors}); hashing a large request there would stall every other call on the
   * connection.
   */
  private void offloadIfLarge(int requestBytes, Runnable call) {
    if (requestBytes <= INLINE_REQUEST_BYTES) {
      call.run();
    } else {
      executor.execute(Context.current().wrap(call));
    }
  }

  private Database db(String method) {
    return caller.database(method);
  }

  private Database writable(String method) {
    return caller.writable(method);
  }

  private static io.grpc.StatusRuntimeException notSupported() {
    return Status.INTERNAL.withDescription("operation not supported").asRuntimeException();
  }

  /**
   * Fails a call that is never served with {@code refusal}, after the permission check of {@code
   * method}: a caller outside the method's row is refused as for any other RPC (docs/protocol.md
   * §9.4), so what an unauthenticated caller learns does not depend on the method.
   */
  private void refuseAfterCheck(
      String method, StreamObserver<?> out, io.grpc.StatusRuntimeException refusal) {
    try {
      if (io.immudb.server.auth.MethodPermissions.requirement(method)
          .map(io.immudb.server.auth.Requirement::databaseScoped)
          .orElse(true)) {
        db(method);
      } else if (caller.authEnabled()) {
        caller.user();
      }
    } catch (RuntimeException e) {
      fail(out, e);
      return;
    }
    out.onError(refusal);
  }

  // ------------------------------------------------------------- auth, users, databases

  @Override
  public void login(LoginRequest req, StreamObserver<LoginResponse> out) {
    unary(out, () -> authRpcs.login(req));
  }

  @Override
  public void logout(Empty req, StreamObserver<Empty> out) {
    unary(out, authRpcs::logout);
  }

  @Override
  public void health(Empty req, StreamObserver<HealthResponse> out) {
    unary(out, () -> HealthResponse.newBuilder().setStatus(true).setVersion(VERSION).build());
  }

  @Override
  public void useDatabase(io.immudb.proto.Database req, StreamObserver<UseDatabaseReply> out) {
    unary(out, () -> databaseRpcs.useDatabase(req));
  }

  @Override
  public void createDatabase(io.immudb.proto.Database req, StreamObserver<Empty> out) {
    unary(out, () -> databaseRpcs.createDatabase(req));
  }

  @Override
  public void databaseList(Empty req, StreamObserver<DatabaseListResponse> out) {
    unary(out, databaseRpcs::databaseList);
  }

  @Override
  public void createUser(CreateUserRequest req, StreamObserver<Empty> out) {
    unary(out, () -> userRpcs.createUser(req));
  }

  @Override
  public void listUsers(Empty req, StreamObserver<UserList> out) {
    unary(out, userRpcs::listUsers);
  }

  @Override
  public void changePassword(ChangePasswordRequest req, StreamObserver<Empty> out) {
    unary(out, () -> userRpcs.changePassword(req));
  }

  @Override
  public void changePermission(ChangePermissionRequest req, StreamObserver<Empty> out) {
    unary(out, () -> userRpcs.changePermission(req));
  }

  @Override
  public void setActiveUser(SetActiveUserRequest req, StreamObserver<Empty> out) {
    unary(out, () -> userRpcs.setActiveUser(req));
  }

  @Override
  public void updateAuthConfig(AuthConfig req, StreamObserver<Empty> out) {
    refuseAfterCheck("UpdateAuthConfig", out, notSupported());
  }

  @Override
  public void updateMTLSConfig(MTLSConfig req, StreamObserver<Empty> out) {
    refuseAfterCheck("UpdateMTLSConfig", out, notSupported());
  }

  // ------------------------------------------------------------- state and key-value

  @Override
  public void currentState(Empty req, StreamObserver<ImmutableState> out) {
    unary(out, () -> WireCodec.state(db("CurrentState").currentState()).build());
  }

  @Override
  public void set(SetRequest req, StreamObserver<TxMetadata> out) {
    offloadIfLarge(
        req.getSerializedSize(), () -> async(out, () -> KvRpcs.setAsync(writable("Set"), req)));
  }

  @Override
  public void get(KeyRequest req, StreamObserver<io.immudb.proto.Entry> out) {
    unary(out, () -> KvRpcs.get(db("Get"), req));
  }

  @Override
  public void getAll(KeyListRequest req, StreamObserver<Entries> out) {
    unary(out, () -> KvRpcs.getAll(db("GetAll"), req));
  }

  @Override
  public void execAll(ExecAllRequest req, StreamObserver<TxMetadata> out) {
    unary(out, () -> KvRpcs.execAll(writable("ExecAll"), req));
  }

  @Override
  public void scan(io.immudb.proto.ScanRequest req, StreamObserver<Entries> out) {
    unary(out, () -> KvRpcs.scan(db("Scan"), req));
  }

  @Override
  public void count(KeyPrefix req, StreamObserver<EntryCount> out) {
    refuseAfterCheck("Count", out, notSupported());
  }

  @Override
  public void countAll(Empty req, StreamObserver<EntryCount> out) {
    refuseAfterCheck("CountAll", out, notSupported());
  }

  @Override
  public void history(HistoryRequest req, StreamObserver<Entries> out) {
    unary(out, () -> KvRpcs.history(db("History"), req));
  }

  @Override
  public void txById(TxRequest req, StreamObserver<io.immudb.proto.Tx> out) {
    unary(out, () -> KvRpcs.txById(db("TxById"), req.getTx()));
  }

  @Override
  public void txScan(TxScanRequest req, StreamObserver<TxList> out) {
    unary(out, () -> KvRpcs.txScan(db("TxScan"), req));
  }

  @Override
  public void setReference(ReferenceRequest req, StreamObserver<TxMetadata> out) {
    unary(out, () -> KvRpcs.setReference(writable("SetReference"), req));
  }

  @Override
  public void zAdd(ZAddRequest req, StreamObserver<TxMetadata> out) {
    unary(out, () -> KvRpcs.zAdd(writable("ZAdd"), req));
  }

  @Override
  public void zScan(io.immudb.proto.ZScanRequest req, StreamObserver<ZEntries> out) {
    unary(out, () -> KvRpcs.zScan(db("ZScan"), req));
  }

  @Override
  public void compactIndex(Empty req, StreamObserver<Empty> out) {
    unary(
        out,
        () -> {
          db("CompactIndex").compactIndex();
          return Empty.getDefaultInstance();
        });
  }

  // ------------------------------------------------------------- verified

  @Override
  public void verifiableSet(VerifiableSetRequest req, StreamObserver<VerifiableTx> out) {
    offloadIfLarge(
        req.getSerializedSize(),
        () ->
            async(
                out,
                () -> VerifiableRpcs.verifiableSetAsync(writable("VerifiableSet"), req, executor)));
  }

  @Override
  public void verifiableGet(VerifiableGetRequest req, StreamObserver<VerifiableEntry> out) {
    unary(out, () -> VerifiableRpcs.verifiableGet(db("VerifiableGet"), req).build());
  }

  @Override
  public void verifiableTxById(VerifiableTxRequest req, StreamObserver<VerifiableTx> out) {
    unary(out, () -> VerifiableRpcs.verifiableTxById(db("VerifiableTxById"), req).build());
  }

  @Override
  public void verifiableSetReference(
      VerifiableReferenceRequest req, StreamObserver<VerifiableTx> out) {
    unary(
        out,
        () ->
            VerifiableRpcs.verifiableSetReference(writable("VerifiableSetReference"), req).build());
  }

  @Override
  public void verifiableZAdd(VerifiableZAddRequest req, StreamObserver<VerifiableTx> out) {
    unary(out, () -> VerifiableRpcs.verifiableZAdd(writable("VerifiableZAdd"), req).build());
  }

  // ------------------------------------------------------------- SQL (spec v1 §11)

  @Override
  public void sQLExec(SQLExecRequest req, StreamObserver<SQLExecResult> out) {
    // A small lone INSERT runs here, on the transport thread, and is answered when its commit
    // completes (as Set); anything else may block, so it moves to the executor.
    if (req.getSerializedSize() <= INLINE_REQUEST_BYTES) {
      java.util.concurrent.CompletableFuture<SQLExecResult> pending;
      try {
        pending = sqlRpcs.tryExecAsync(writable("SQLExec"), req);
      } catch (RuntimeException e) {
        fail(out, e);
        return;
      }
      if (pending != null) {
        async(out, () -> pending);
        return;
      }
    }
    executor.execute(
        Context.current().wrap(() -> unary(out, () -> sqlRpcs.exec(writable("SQLExec"), req))));
  }

  @Override
  public void sQLQuery(SQLQueryRequest req, StreamObserver<SQLQueryResult> out) {
    unary(out, () -> sqlRpcs.query(db("SQLQuery"), Caller.header(), req));
  }

  @Override
  public void listTables(Empty req, StreamObserver<SQLQueryResult> out) {
    unary(out, () -> sqlRpcs.listTables(db("ListTables")));
  }

  @Override
  public void describeTable(Table req, StreamObserver<SQLQueryResult> out) {
    unary(out, () -> sqlRpcs.describeTable(db("DescribeTable"), req.getTableName()));
  }

  @Override
  public void verifiableSQLGet(
      VerifiableSQLGetRequest req, StreamObserver<VerifiableSQLEntry> out) {
    unary(out, () -> sqlRpcs.verifiableSqlGet(db("VerifiableSQLGet"), req));
  }

  @Override
  public void useSnapshot(UseSnapshotRequest req, StreamObserver<Empty> out) {
    unary(
        out,
        () -> {
          sqlRpcs.useSnapshot(db("UseSnapshot"), Caller.header(), req);
          return Empty.getDefaultInstance();
        });
  }

  // ---- backup extensions (docs/server.md)

  @Override
  public void exportTxs(
      io.immudb.proto.ExportTxsRequest req, StreamObserver<io.immudb.proto.ExportedTx> out) {
    try {
      BackupRpcs.exportTxs(db("ExportTxs"), req, out);
    } catch (RuntimeException e) {
      fail(out, e);
    }
  }

  @Override
  public StreamObserver<io.immudb.proto.ImportRequest> importDatabase(
      StreamObserver<ImmutableState> out) {
    try {
      caller.notInMaintenance();
      db("ImportDatabase"); // the permission check (sysadmin); the target is a new database
      return BackupRpcs.importDatabase(registry, out);
    } catch (RuntimeException e) {
      fail(out, e);
      return StreamRpcs.discard();
    }
  }

  @Override
  public void flushIndex(
      io.immudb.proto.FlushIndexRequest req,
      StreamObserver<io.immudb.proto.FlushIndexResponse> out) {
    unary(out, () -> BackupRpcs.flushIndex(db("FlushIndex"), req));
  }

  // ---- streaming (spec v1 §12)

  @Override
  public void streamGet(KeyRequest req, StreamObserver<Chunk> out) {
    serverStream(out, () -> StreamRpcs.streamGet(db("streamGet"), req, out));
  }

  @Override
  public StreamObserver<Chunk> streamSet(StreamObserver<TxMetadata> out) {
    return clientStream(
        out, () -> StreamRpcs.streamSet(writable("streamSet"), out, maxRecvMsgSize));
  }

  @Override
  public void streamVerifiableGet(VerifiableGetRequest req, StreamObserver<Chunk> out) {
    serverStream(out, () -> StreamRpcs.streamVerifiableGet(db("streamVerifiableGet"), req, out));
  }

  @Override
  public StreamObserver<Chunk> streamVerifiableSet(StreamObserver<VerifiableTx> out) {
    return clientStream(
        out,
        () -> StreamRpcs.streamVerifiableSet(writable("streamVerifiableSet"), out, maxRecvMsgSize));
  }

  @Override
  public void streamScan(io.immudb.proto.ScanRequest req, StreamObserver<Chunk> out) {
    serverStream(out, () -> StreamRpcs.streamScan(db("streamScan"), req, out));
  }

  @Override
  public void streamZScan(io.immudb.proto.ZScanRequest req, StreamObserver<Chunk> out) {
    serverStream(out, () -> StreamRpcs.streamZScan(db("streamZScan"), req, out));
  }

  @Override
  public void streamHistory(HistoryRequest req, StreamObserver<Chunk> out) {
    serverStream(out, () -> StreamRpcs.streamHistory(db("streamHistory"), req, out));
  }

  @Override
  public StreamObserver<Chunk> streamExecAll(StreamObserver<TxMetadata> out) {
    return clientStream(
        out, () -> StreamRpcs.streamExecAll(writable("streamExecAll"), out, maxRecvMsgSize));
  }
}
