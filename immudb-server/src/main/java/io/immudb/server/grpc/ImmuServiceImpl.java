package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.embedded.database.Database;
import io.immudb.proto.*;
import io.immudb.server.auth.AuthException;
import io.immudb.server.auth.LoginResult;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.auth.User;
import io.immudb.server.auth.UserPermission;
import io.immudb.server.auth.UserStore;
import io.immudb.server.db.DatabaseRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code immudb.schema.ImmuService}: every RPC of spec v1 §9.7, over the database registry, the
 * users and the tokens. Each RPC resolves the caller through {@link Caller} (which applies the
 * method-permission table), calls the engine, and encodes the answer; failures become statuses in
 * {@link StatusMapper} only.
 *
 * <p>Thread-safe: holds no per-call state.
 */
final class ImmuServiceImpl extends ImmuServiceGrpc.ImmuServiceImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(ImmuServiceImpl.class);
  static final String VERSION = "1.1.0-immudb-java-0.1.0";

  private final DatabaseRegistry registry;
  private final UserStore users;
  private final LoginSessions tokens;
  private final Caller caller;
  private final boolean maintenance;
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
    this.users = users;
    this.tokens = tokens;
    this.caller = new Caller(tokens, users, registry, authEnabled);
    this.maintenance = maintenance;
  }

  private static <T> void unary(StreamObserver<T> out, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      fail(out, e);
      return;
    }
    out.onNext(result);
    out.onCompleted();
  }

  /**
   * Answers with what {@code call}'s future completes with, when it does, on the thread that
   * completes it; no thread waits meanwhile. {@code call} itself runs on the calling thread, so it
   * sees the call's context (the caller's token).
   */
  private static <T> void async(StreamObserver<T> out, Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> pending;
    try {
      pending = call.get();
    } catch (RuntimeException e) {
      fail(out, e);
      return;
    }
    pending.whenComplete(
        (result, e) -> {
          try {
            if (e != null) {
              fail(
                  out, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
              out.onNext(result);
              out.onCompleted();
            }
          } catch (io.grpc.StatusRuntimeException cancelled) {
            // The client cancelled the call meanwhile: nobody is left to answer.
            LOG.debug("answer to a cancelled call dropped: {}", cancelled.getStatus());
          }
        });
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

  private static void fail(StreamObserver<?> out, Throwable e) {
    if (!(e instanceof ImmuException) && !(e instanceof io.grpc.StatusRuntimeException)) {
      LOG.error("internal error", e);
    }
    out.onError(StatusMapper.toStatus(e));
  }

  private Database db(String method) {
    return caller.database(method);
  }

  private void notInMaintenance() {
    if (maintenance) {
      throw new ImmuException(
          ErrorCode.INVALID_ARGUMENT, "operation not allowed in maintenance mode");
    }
  }

  private Database writable(String method) {
    notInMaintenance();
    Database db = db(method);
    registry
        .readOnlyReason(db.name())
        .ifPresent(
            why -> {
              throw new ImmuException(
                  ErrorCode.FAILED_PRECONDITION, "database " + db.name() + " is read-only: " + why);
            });
    return db;
  }

  private static String str(ByteString b) {
    return b.toString(StandardCharsets.UTF_8);
  }

  private static io.grpc.StatusRuntimeException notSupported() {
    return Status.INTERNAL.withDescription("operation not supported").asRuntimeException();
  }

  private static io.grpc.StatusRuntimeException noSql() {
    return Status.UNIMPLEMENTED
        .withDescription("SQL is not available yet in this server")
        .asRuntimeException();
  }

  // ------------------------------------------------------------- auth, users, databases

  @Override
  public void login(LoginRequest req, StreamObserver<LoginResponse> out) {
    unary(
        out,
        () -> {
          if (!caller.authEnabled()) {
            throw new ImmuException(
                ErrorCode.FAILED_PRECONDITION,
                "server is running with authentication disabled, please enable authentication to login");
          }
          LoginResult r = tokens.login(str(req.getUser()), str(req.getPassword()));
          LoginResponse.Builder b = LoginResponse.newBuilder().setToken(r.token().value());
          r.warning().ifPresent(w -> b.setWarning(ByteString.copyFromUtf8(w)));
          return b.build();
        });
  }

  @Override
  public void logout(Empty req, StreamObserver<Empty> out) {
    unary(
        out,
        () -> {
          tokens.logout(Caller.header());
          return Empty.getDefaultInstance();
        });
  }

  @Override
  public void health(Empty req, StreamObserver<HealthResponse> out) {
    unary(out, () -> HealthResponse.newBuilder().setStatus(true).setVersion(VERSION).build());
  }

  @Override
  public void useDatabase(io.immudb.proto.Database req, StreamObserver<UseDatabaseReply> out) {
    unary(
        out,
        () ->
            UseDatabaseReply.newBuilder()
                .setToken(tokens.useDatabase(Caller.header(), req.getDatabaseName()).value())
                .build());
  }

  @Override
  public void createDatabase(io.immudb.proto.Database req, StreamObserver<Empty> out) {
    unary(
        out,
        () -> {
          User u = caller.user();
          if (!u.isSysadmin()) {
            throw new AuthException(AuthException.Kind.NOT_SYSADMIN);
          }
          registry.create(req.getDatabaseName());
          return Empty.getDefaultInstance();
        });
  }

  @Override
  public void databaseList(Empty req, StreamObserver<DatabaseListResponse> out) {
    unary(
        out,
        () -> {
          User u = caller.user();
          DatabaseListResponse.Builder b = DatabaseListResponse.newBuilder();
          if (u.isSysadmin()) {
            registry.list().stream()
                .filter(n -> !n.equals("systemdb"))
                .forEach(
                    n -> b.addDatabases(io.immudb.proto.Database.newBuilder().setDatabaseName(n)));
          } else {
            for (UserPermission p : u.permissions()) {
              b.addDatabases(io.immudb.proto.Database.newBuilder().setDatabaseName(p.database()));
            }
          }
          return b.build();
        });
  }

  @Override
  public void createUser(CreateUserRequest req, StreamObserver<Empty> out) {
    unary(
        out,
        () -> {
          users.create(
              caller.username(),
              str(req.getUser()),
              str(req.getPassword()),
              req.getPermission(),
              req.getDatabase());
          return Empty.getDefaultInstance();
        });
  }

  @Override
  public void listUsers(Empty req, StreamObserver<UserList> out) {
    unary(
        out,
        () -> {
          String current = caller.authEnabled() ? caller.token().database() : "defaultdb";
          UserList.Builder b = UserList.newBuilder();
          for (User u : users.list(caller.username(), current)) {
            io.immudb.proto.User.Builder ub =
                io.immudb.proto.User.newBuilder()
                    .setUser(ByteString.copyFromUtf8(u.username()))
                    .setCreatedby(u.createdBy())
                    .setCreatedat(u.createdAtText())
                    .setActive(u.active());
            for (UserPermission p : u.permissions()) {
              ub.addPermissions(
                  Permission.newBuilder().setDatabase(p.database()).setPermission(p.permission()));
            }
            b.addUsers(ub);
          }
          return b.build();
        });
  }

  @Override
  public void changePassword(ChangePasswordRequest req, StreamObserver<Empty> out) {
    unary(
        out,
        () -> {
          users.changePassword(
              caller.username(),
              str(req.getUser()),
              str(req.getOldPassword()),
              str(req.getNewPassword()));
          return Empty.getDefaultInstance();
        });
  }

  @Override
  public void changePermission(ChangePermissionRequest req, StreamObserver<Empty> out) {
    unary(
        out,
        () -> {
          io.immudb.server.auth.PermissionAction action =
              req.getAction() == PermissionAction.REVOKE
                  ? io.immudb.server.auth.PermissionAction.REVOKE
                  : io.immudb.server.auth.PermissionAction.GRANT;
          users.changePermission(
              caller.username(), action, req.getUsername(), req.getDatabase(), req.getPermission());
          return Empty.getDefaultInstance();
        });
  }

  @Override
  public void setActiveUser(SetActiveUserRequest req, StreamObserver<Empty> out) {
    unary(
        out,
        () -> {
          users.setActive(caller.username(), req.getUsername(), req.getActive());
          return Empty.getDefaultInstance();
        });
  }

  @Override
  public void updateAuthConfig(AuthConfig req, StreamObserver<Empty> out) {
    unary(
        out,
        () -> {
          throw notSupported();
        });
  }

  @Override
  public void updateMTLSConfig(MTLSConfig req, StreamObserver<Empty> out) {
    unary(
        out,
        () -> {
          throw notSupported();
        });
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
    unary(
        out,
        () -> {
          throw notSupported();
        });
  }

  @Override
  public void countAll(Empty req, StreamObserver<EntryCount> out) {
    unary(
        out,
        () -> {
          throw notSupported();
        });
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

  // ------------------------------------------------------------- SQL (not yet)

  @Override
  public void sQLExec(SQLExecRequest req, StreamObserver<SQLExecResult> out) {
    out.onError(noSql());
  }

  @Override
  public void sQLQuery(SQLQueryRequest req, StreamObserver<SQLQueryResult> out) {
    out.onError(noSql());
  }

  @Override
  public void listTables(Empty req, StreamObserver<SQLQueryResult> out) {
    out.onError(noSql());
  }

  @Override
  public void describeTable(Table req, StreamObserver<SQLQueryResult> out) {
    out.onError(noSql());
  }

  @Override
  public void verifiableSQLGet(
      VerifiableSQLGetRequest req, StreamObserver<VerifiableSQLEntry> out) {
    out.onError(noSql());
  }

  @Override
  public void useSnapshot(UseSnapshotRequest req, StreamObserver<Empty> out) {
    out.onError(noSql());
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
      notInMaintenance();
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
    try {
      StreamRpcs.streamGet(db("streamGet"), req, out);
    } catch (RuntimeException e) {
      StreamRpcs.fail(out, e);
    }
  }

  @Override
  public StreamObserver<Chunk> streamSet(StreamObserver<TxMetadata> out) {
    try {
      return StreamRpcs.streamSet(writable("streamSet"), out, maxRecvMsgSize);
    } catch (RuntimeException e) {
      StreamRpcs.fail(out, e);
      return StreamRpcs.discard();
    }
  }

  @Override
  public void streamVerifiableGet(VerifiableGetRequest req, StreamObserver<Chunk> out) {
    try {
      StreamRpcs.streamVerifiableGet(db("streamVerifiableGet"), req, out);
    } catch (RuntimeException e) {
      StreamRpcs.fail(out, e);
    }
  }

  @Override
  public StreamObserver<Chunk> streamVerifiableSet(StreamObserver<VerifiableTx> out) {
    try {
      return StreamRpcs.streamVerifiableSet(writable("streamVerifiableSet"), out, maxRecvMsgSize);
    } catch (RuntimeException e) {
      StreamRpcs.fail(out, e);
      return StreamRpcs.discard();
    }
  }

  @Override
  public void streamScan(io.immudb.proto.ScanRequest req, StreamObserver<Chunk> out) {
    try {
      StreamRpcs.streamScan(db("streamScan"), req, out);
    } catch (RuntimeException e) {
      StreamRpcs.fail(out, e);
    }
  }

  @Override
  public void streamZScan(io.immudb.proto.ZScanRequest req, StreamObserver<Chunk> out) {
    try {
      StreamRpcs.streamZScan(db("streamZScan"), req, out);
    } catch (RuntimeException e) {
      StreamRpcs.fail(out, e);
    }
  }

  @Override
  public void streamHistory(HistoryRequest req, StreamObserver<Chunk> out) {
    try {
      StreamRpcs.streamHistory(db("streamHistory"), req, out);
    } catch (RuntimeException e) {
      StreamRpcs.fail(out, e);
    }
  }

  @Override
  public StreamObserver<Chunk> streamExecAll(StreamObserver<TxMetadata> out) {
    try {
      return StreamRpcs.streamExecAll(writable("streamExecAll"), out, maxRecvMsgSize);
    } catch (RuntimeException e) {
      StreamRpcs.fail(out, e);
      return StreamRpcs.discard();
    }
  }
}
