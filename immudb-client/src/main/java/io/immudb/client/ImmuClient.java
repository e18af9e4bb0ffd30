package io.immudb.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.immudb.client.internal.Chunks;
import io.immudb.client.internal.ProtoDecoder;
import io.immudb.client.internal.Session;
import io.immudb.client.internal.StatusDecoder;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceStub;
import io.immudb.proto.ImmutableState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A client of an immudb server (spec v1 §9): every RPC of the v1 API, and verified variants that
 * check the server's proofs against the last state this client trusted, so that a server that
 * rewrites history is caught.
 *
 * <pre>{@code
 * try (ImmuClient client = ImmuClient.builder().address("localhost").port(3322)
 *     .stateHolder(StateHolder.inDirectory(Path.of("states"))).build()) {
 *   client.login("immudb", "immudb");
 *   TxHeader tx = client.verifiedSet("greeting", "hello");   // proven to be in tx tx.id()
 *   Entry e = client.verifiedGet("greeting");                // proven to be what tx wrote
 * }
 * }</pre>
 *
 * <p><b>Verified calls</b> ({@code verified*}) send the trusted state's tx id as {@code
 * proveSinceTx}; the server answers with the tx and a dual proof linking it with that state. The
 * client checks the entry against the tx, the tx against its Alh, and the dual proof (spec v1
 * §7.3), and then (only then) makes the newer state the trusted one, in its {@link StateHolder},
 * under the server's identity and the database. The first verified call on a database trusts the
 * server's {@code CurrentState}. Any failed check throws {@link VerificationException} with the
 * evidence and leaves the trusted state as it was. With a server signing key configured, states
 * must also carry a valid signature (spec v1 §8.3).
 *
 * <p><b>Errors</b> of the server or the connection are {@link ImmuClientException}s, typed by gRPC
 * status code. Keys and values are bytes; the {@code String} overloads use UTF-8.
 *
 * <p><b>Thread-safety:</b> a client may be shared by any number of threads. {@link #login} and
 * {@link #useDatabase} change the session of every thread using this client.
 */
public final class ImmuClient implements AutoCloseable {
  private final ManagedChannel channel;
  private final io.grpc.Channel calls;
  private final Session session;
  private final Duration deadline;
  private final String address;
  private final VerifiedOps verified;
  private final String user;
  private final String password;

  ImmuClient(ImmuClientBuilder b) {
    this.user = b.user;
    this.password = b.password;
    this.address = b.address + ":" + b.port;
    this.channel = b.channel();
    this.session = new Session(b.database);
    this.calls = ClientInterceptors.intercept(channel, session);
    this.deadline = b.deadline;
    this.verified = new VerifiedOps(this, b.stateHolder, b.serverSigningKey);
  }

  /** A builder with the defaults: localhost:3322, database defaultdb, states in memory. */
  public static ImmuClientBuilder builder() {
    return new ImmuClientBuilder();
  }

  // ------------------------------------------------------------------ plumbing

  ImmuServiceBlockingStub stub() {
    return ImmuServiceGrpc.newBlockingStub(calls)
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs one call, turning a failed status into the typed exception. With credentials configured, a
   * call refused as unauthenticated while a session was open logs in again and runs once more.
   */
  <T> T call(Function<ImmuServiceBlockingStub, T> rpc) {
    try {
      return rpc.apply(stub());
    } catch (StatusRuntimeException e) {
      ImmuClientException decoded = StatusDecoder.decode(e);
      if (!(decoded instanceof ImmuClientException.UnauthenticatedException)
          || user == null
          || session.token() == null) {
        throw decoded;
      }
    }
    login();
    return callOnce(rpc);
  }

  /** As {@link #call}, never logging in again. */
  <T> T callOnce(Function<ImmuServiceBlockingStub, T> rpc) {
    try {
      return rpc.apply(stub());
    } catch (StatusRuntimeException e) {
      throw StatusDecoder.decode(e);
    }
  }

  Session session() {
    return session;
  }

  /**
   * The server's identity (its {@code immudb-uuid} header, spec v1 §9.2), asking the server
   * (Health) if no answer has carried it yet; a server that sends none is named by its address.
   * Trusted states are kept under this name.
   */
  public String serverUuid() {
    String uuid = session.serverUuid();
    if (uuid == null) {
      health();
      uuid = session.serverUuid();
    }
    return uuid != null ? uuid : address.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  static ByteString bytes(byte[] b) {
    return ByteString.copyFrom(b);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ session and databases

  /**
   * Logs in as {@code user} and switches to the database given to the builder (if not {@code
   * defaultdb}). Returns the server's warning, e.g. about the sysadmin's default password, or "".
   *
   * @throws ImmuClientException.UnauthenticatedException on a wrong user name or password
   */
  public String login(String user, String password) {
    String wanted = session.database();
    session.set(null, wanted);
    io.immudb.proto.LoginResponse r =
        callOnce(
            s ->
                s.login(
                    io.immudb.proto.LoginRequest.newBuilder()
                        .setUser(bytes(utf8(user)))
                        .setPassword(bytes(utf8(password)))
                        .build()));
    session.set(r.getToken(), "defaultdb");
    if (!"defaultdb".equals(wanted)) {
      switchTo(wanted, false);
    }
    return r.getWarning().toStringUtf8();
  }

  /**
   * Logs in with the builder's {@link ImmuClientBuilder#credentials credentials}.
   *
   * @throws IllegalStateException if none were configured
   */
  public String login() {
    if (user == null) {
      throw new IllegalStateException("no credentials configured: use login(user, password)");
    }
    return login(user, password);
  }

  /** Ends every session of the logged-in user on the server. */
  public void logout() {
    call(s -> s.logout(Empty.getDefaultInstance()));
    session.set(null, session.database());
  }

  /** Works on {@code database} from now on (the server returns a token bound to it). */
  public void useDatabase(String database) {
    switchTo(database, true);
  }

  /** UseDatabase; {@code mayLogInAgain}: as {@link #call}, else as {@link #callOnce}. */
  private void switchTo(String database, boolean mayLogInAgain) {
    Function<ImmuServiceBlockingStub, io.immudb.proto.UseDatabaseReply> rpc =
        s -> s.useDatabase(io.immudb.proto.Database.newBuilder().setDatabaseName(database).build());
    io.immudb.proto.UseDatabaseReply r = mayLogInAgain ? call(rpc) : callOnce(rpc);
    session.set(r.getToken(), database);
  }

  /** The database this client works on. */
  public String currentDatabase() {
    return session.database();
  }

  /** The current session token, or null when not logged in (e.g. to save it for later). */
  public String token() {
    return session.token();
  }

  /** Resumes a session with a token saved earlier, bound to {@code database}. */
  public void resume(String token, String database) {
    session.set(token, database);
  }

  /** Creates a database (sysadmin only). */
  public void createDatabase(String name) {
    call(
        s -> s.createDatabase(io.immudb.proto.Database.newBuilder().setDatabaseName(name).build()));
  }

  /** The databases the logged-in user may see. */
  public List<String> databases() {
    return call(s -> s.databaseList(Empty.getDefaultInstance())).getDatabasesList().stream()
        .map(io.immudb.proto.Database::getDatabaseName)
        .toList();
  }

  /** Whether the server answers, and its version. */
  public Health health() {
    io.immudb.proto.HealthResponse r = call(s -> s.health(Empty.getDefaultInstance()));
    return new Health(r.getStatus(), r.getVersion());
  }

  /** The answer of {@link #health}. */
  public record Health(boolean ok, String version) {}

  /** Compacts the current database's index (admin). */
  public void compactIndex() {
    call(s -> s.compactIndex(Empty.getDefaultInstance()));
  }

  /**
   * The server's current state of the database, as the server says (not verified against the
   * trusted state; see {@link #verifiedState}).
   */
  public ImmuState currentState() {
    ImmutableState st = call(s -> s.currentState(Empty.getDefaultInstance()));
    return new ImmuState(st.getDb(), st.getTxId(), Sha256Digest.of(st.getTxHash().toByteArray()));
  }

  // ------------------------------------------------------------------ users

  /** Creates a user with {@code permission} on {@code database}. */
  public void createUser(String user, String password, Permission permission, String database) {
    call(
        s ->
            s.createUser(
                io.immudb.proto.CreateUserRequest.newBuilder()
                    .setUser(bytes(utf8(user)))
                    .setPassword(bytes(utf8(password)))
                    .setPermission(permission.code())
                    .setDatabase(database)
                    .build()));
  }

  /** The users the logged-in user may see. */
  public List<User> listUsers() {
    List<User> out = new ArrayList<>();
    for (io.immudb.proto.User u :
        call(s -> s.listUsers(Empty.getDefaultInstance())).getUsersList()) {
      Map<String, Permission> perms = new LinkedHashMap<>();
      u.getPermissionsList()
          .forEach(p -> perms.put(p.getDatabase(), Permission.ofCode(p.getPermission())));
      out.add(
          new User(
              u.getUser().toStringUtf8(),
              perms,
              u.getCreatedby(),
              u.getCreatedat(),
              u.getActive()));
    }
    return out;
  }

  /** Changes {@code user}'s password (the old one is needed for the sysadmin). */
  public void changePassword(String user, String oldPassword, String newPassword) {
    call(
        s ->
            s.changePassword(
                io.immudb.proto.ChangePasswordRequest.newBuilder()
                    .setUser(bytes(utf8(user)))
                    .setOldPassword(bytes(utf8(oldPassword)))
                    .setNewPassword(bytes(utf8(newPassword)))
                    .build()));
  }

  /** Grants {@code permission} on {@code database} to {@code user}. */
  public void grant(String user, String database, Permission permission) {
    changePermission(io.immudb.proto.PermissionAction.GRANT, user, database, permission);
  }

  /** Revokes {@code user}'s permission on {@code database}. */
  public void revoke(String user, String database, Permission permission) {
    changePermission(io.immudb.proto.PermissionAction.REVOKE, user, database, permission);
  }

  private void changePermission(
      io.immudb.proto.PermissionAction action, String user, String database, Permission p) {
    call(
        s ->
            s.changePermission(
                io.immudb.proto.ChangePermissionRequest.newBuilder()
                    .setAction(action)
                    .setUsername(user)
                    .setDatabase(database)
                    .setPermission(p.code())
                    .build()));
  }

  /** Activates or deactivates {@code user}; deactivation ends its sessions. */
  public void setActiveUser(String user, boolean active) {
    call(
        s ->
            s.setActiveUser(
                io.immudb.proto.SetActiveUserRequest.newBuilder()
                    .setUsername(user)
                    .setActive(active)
                    .build()));
  }

  // ------------------------------------------------------------------ writes

  /** Sets {@code key} to {@code value} in a new tx; returns its header. */
  public TxHeader set(byte[] key, byte[] value) {
    return setAll(List.of(new KeyValue(key, value)));
  }

  /** As {@link #set(byte[], byte[])}, with UTF-8 text. */
  public TxHeader set(String key, String value) {
    return set(utf8(key), utf8(value));
  }

  /** Sets every pair in one tx, in order. */
  public TxHeader setAll(List<KeyValue> kvs) {
    io.immudb.proto.SetRequest.Builder r = io.immudb.proto.SetRequest.newBuilder();
    kvs.forEach(kv -> r.addKVs(kv(kv.key(), kv.value())));
    return ProtoDecoder.headerUnchecked(call(s -> s.set(r.build())));
  }

  static io.immudb.proto.KeyValue kv(byte[] key, byte[] value) {
    return io.immudb.proto.KeyValue.newBuilder().setKey(bytes(key)).setValue(bytes(value)).build();
  }

  /** Makes {@code key} a reference to the latest value of {@code referencedKey}. */
  public TxHeader setReference(byte[] key, byte[] referencedKey) {
    return setReferenceAt(key, referencedKey, 0);
  }

  /** Makes {@code key} a reference to {@code referencedKey} as written in tx {@code atTx}. */
  public TxHeader setReferenceAt(byte[] key, byte[] referencedKey, long atTx) {
    return ProtoDecoder.headerUnchecked(
        call(s -> s.setReference(refRequest(key, referencedKey, atTx))));
  }

  static io.immudb.proto.ReferenceRequest refRequest(byte[] key, byte[] referencedKey, long atTx) {
    return io.immudb.proto.ReferenceRequest.newBuilder()
        .setKey(bytes(key))
        .setReferencedKey(bytes(referencedKey))
        .setAtTx(atTx)
        .setBoundRef(atTx > 0)
        .build();
  }

  /** Adds {@code key} (its latest value) to sorted set {@code set} with {@code score}. */
  public TxHeader zAdd(byte[] set, double score, byte[] key) {
    return zAddAt(set, score, key, 0);
  }

  /** Adds {@code key} as written in tx {@code atTx} to sorted set {@code set}. */
  public TxHeader zAddAt(byte[] set, double score, byte[] key, long atTx) {
    return ProtoDecoder.headerUnchecked(call(s -> s.zAdd(zAddRequest(set, score, key, atTx))));
  }

  static io.immudb.proto.ZAddRequest zAddRequest(byte[] set, double score, byte[] key, long atTx) {
    return io.immudb.proto.ZAddRequest.newBuilder()
        .setSet(bytes(set))
        .setScore(score)
        .setKey(bytes(key))
        .setAtTx(atTx)
        .setBoundRef(atTx > 0)
        .build();
  }

  /** Commits every operation in one tx. */
  public TxHeader execAll(List<ExecOp> ops) {
    io.immudb.proto.ExecAllRequest.Builder r = io.immudb.proto.ExecAllRequest.newBuilder();
    for (ExecOp op : ops) {
      io.immudb.proto.Op.Builder o = io.immudb.proto.Op.newBuilder();
      if (op instanceof ExecOp.Kv k) {
        o.setKv(kv(k.key(), k.value()));
      } else if (op instanceof ExecOp.Ref ref) {
        o.setRef(refRequest(ref.key(), ref.referencedKey(), ref.atTx()));
      } else if (op instanceof ExecOp.ZAdd z) {
        o.setZAdd(zAddRequest(z.set(), z.score(), z.key(), z.atTx()));
      }
      r.addOperations(o);
    }
    return ProtoDecoder.headerUnchecked(call(s -> s.execAll(r.build())));
  }

  /** Sets a (large) value through the streaming API (spec v1 §12); it must not be empty. */
  public TxHeader streamSet(byte[] key, byte[] value) {
    io.immudb.proto.TxMetadata[] answer = new io.immudb.proto.TxMetadata[1];
    Throwable[] failure = new Throwable[1];
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    ImmuServiceStub async =
        ImmuServiceGrpc.newStub(calls)
            .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    io.grpc.stub.StreamObserver<io.immudb.proto.Chunk> out =
        async.streamSet(
            new io.grpc.stub.StreamObserver<>() {
              @Override
              public void onNext(io.immudb.proto.TxMetadata v) {
                answer[0] = v;
              }

              @Override
              public void onError(Throwable t) {
                failure[0] = t;
                done.countDown();
              }

              @Override
              public void onCompleted() {
                done.countDown();
              }
            });
    Chunks.encode(List.of(key, value)).forEach(out::onNext);
    out.onCompleted();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImmuClientException(io.grpc.Status.Code.CANCELLED, "interrupted", e);
    }
    if (failure[0] instanceof StatusRuntimeException sre) {
      throw StatusDecoder.decode(sre);
    } else if (failure[0] != null) {
      throw StatusDecoder.decode(io.grpc.Status.fromThrowable(failure[0]).asRuntimeException());
    }
    return ProtoDecoder.headerUnchecked(answer[0]);
  }

  // ------------------------------------------------------------------ reads

  /** The latest value of {@code key}, following one reference. */
  public Entry get(byte[] key) {
    return getAt(key, 0);
  }

  /** As {@link #get(byte[])}, with a UTF-8 key. */
  public Entry get(String key) {
    return get(utf8(key));
  }

  /** The value of {@code key} written by tx {@code atTx} (0: the latest). */
  public Entry getAt(byte[] key, long atTx) {
    return ProtoDecoder.entry(call(s -> s.get(keyRequest(key, atTx, 0))));
  }

  /** The latest value of {@code key} once the index has reached tx {@code sinceTx}. */
  public Entry getSince(byte[] key, long sinceTx) {
    return ProtoDecoder.entry(call(s -> s.get(keyRequest(key, 0, sinceTx))));
  }

  static io.immudb.proto.KeyRequest keyRequest(byte[] key, long atTx, long sinceTx) {
    return io.immudb.proto.KeyRequest.newBuilder()
        .setKey(bytes(key))
        .setAtTx(atTx)
        .setSinceTx(sinceTx)
        .build();
  }

  /** The latest values of all {@code keys}, in order; fails if one is missing. */
  public List<Entry> getAll(List<byte[]> keys) {
    io.immudb.proto.KeyListRequest.Builder r = io.immudb.proto.KeyListRequest.newBuilder();
    keys.forEach(k -> r.addKeys(bytes(k)));
    return ProtoDecoder.entries(call(s -> s.getAll(r.build())));
  }

  /** A large value read through the streaming API (spec v1 §12): key and value, no tx id. */
  public KeyValue streamGet(byte[] key) {
    try {
      List<byte[]> m =
          Chunks.decode(
              ImmuServiceGrpc.newBlockingStub(calls)
                  .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                  .streamGet(keyRequest(key, 0, 0)));
      if (m.size() != 2) {
        throw new ImmuClientException(
            io.grpc.Status.Code.INTERNAL,
            "streamGet answered " + m.size() + " messages, not 2",
            null);
      }
      return new KeyValue(m.get(0), m.get(1));
    } catch (StatusRuntimeException e) {
      throw StatusDecoder.decode(e);
    }
  }

  /** Versions of {@code key}, oldest first unless {@code desc}; references are not followed. */
  public List<Entry> history(byte[] key, long offset, int limit, boolean desc) {
    return ProtoDecoder.entries(
        call(
            s ->
                s.history(
                    io.immudb.proto.HistoryRequest.newBuilder()
                        .setKey(bytes(key))
                        .setOffset(offset)
                        .setLimit(limit)
                        .setDesc(desc)
                        .build())));
  }

  /**
   * Keys starting with {@code prefix} in key order (descending with {@code desc}), after {@code
   * seekKey} if not empty, at most {@code limit} (0: the server's maximum, 1000).
   */
  public List<Entry> scan(byte[] prefix, byte[] seekKey, long limit, boolean desc) {
    return ProtoDecoder.entries(
        call(
            s ->
                s.scan(
                    io.immudb.proto.ScanRequest.newBuilder()
                        .setPrefix(bytes(prefix))
                        .setSeekKey(bytes(seekKey))
                        .setLimit(limit)
                        .setDesc(desc)
                        .build())));
  }

  /** Keys starting with {@code prefix}, in key order. */
  public List<Entry> scan(byte[] prefix) {
    return scan(prefix, new byte[0], 0, false);
  }

  /** The members of sorted set {@code set} by score (descending with {@code desc}). */
  public List<ZEntry> zScan(byte[] set, long limit, boolean desc) {
    return call(
            s ->
                s.zScan(
                    io.immudb.proto.ZScanRequest.newBuilder()
                        .setSet(bytes(set))
                        .setLimit(limit)
                        .setDesc(desc)
                        .build()))
        .getEntriesList()
        .stream()
        .map(ProtoDecoder::zEntry)
        .toList();
  }

  /** The number of keys starting with {@code prefix} (not supported by every server). */
  public long count(byte[] prefix) {
    return call(s ->
            s.count(io.immudb.proto.KeyPrefix.newBuilder().setPrefix(bytes(prefix)).build()))
        .getCount();
  }

  /** The number of keys (not supported by every server). */
  public long countAll() {
    return call(s -> s.countAll(Empty.getDefaultInstance())).getCount();
  }

  /** Tx {@code txId}: header and entries, as the server says (see {@link #verifiedTxById}). */
  public Tx txById(long txId) {
    io.immudb.proto.Tx t =
        call(s -> s.txById(io.immudb.proto.TxRequest.newBuilder().setTx(txId).build()));
    return decodeTx(t);
  }

  /** Up to {@code limit} txs from {@code initialTx} on (backwards with {@code desc}). */
  public List<Tx> txScan(long initialTx, int limit, boolean desc) {
    return call(
            s ->
                s.txScan(
                    io.immudb.proto.TxScanRequest.newBuilder()
                        .setInitialTx(initialTx)
                        .setLimit(limit)
                        .setDesc(desc)
                        .build()))
        .getTxsList()
        .stream()
        .map(ImmuClient::decodeTx)
        .toList();
  }

  private static Tx decodeTx(io.immudb.proto.Tx t) {
    try {
      return ProtoDecoder.tx(t);
    } catch (VerificationException e) {
      throw new ImmuClientException(
          io.grpc.Status.Code.INTERNAL, "the server sent a malformed tx: " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ backup (extensions)

  /**
   * Streams txs {@code fromTx..toTx} of the current database with their stored values, in order
   * ({@code 0, 0}: the whole history up to the last tx when the call starts). Needs the admin
   * permission on the database; only this server has the call (not immudb v1.1). Check what it
   * yields with a {@link HistoryChecker}. Close the stream to stop early.
   *
   * <pre>{@code
   * try (ImmuClient.TxStream txs = client.exportTxs(0, 0)) {
   *   while (txs.hasNext()) { ExportedTx tx = txs.next(); ... }
   * }
   * }</pre>
   */
  public TxStream exportTxs(long fromTx, long toTx) {
    return new TxStream(new Transfers.Export(calls, fromTx, toTx));
  }

  /** The txs of {@link #exportTxs}; {@link #close} cancels the call. Not thread-safe. */
  public static final class TxStream implements java.util.Iterator<ExportedTx>, AutoCloseable {
    private final Transfers.Export export;

    private TxStream(Transfers.Export export) {
      this.export = export;
    }

    @Override
    public boolean hasNext() {
      return export.hasNext();
    }

    @Override
    public ExportedTx next() {
      return export.next();
    }

    @Override
    public void close() {
      export.close();
    }
  }

  /**
   * Creates database {@code name} by replaying {@code txs} — a whole history from tx 1 on, as
   * {@link #exportTxs} yields it — and returns its state. The server checks that every tx
   * reproduces its header and that the history ends in {@code end}; the database exists only if all
   * of that holds, otherwise nothing is created. Sysadmin only. If {@code txs} throws, the import
   * is abandoned and the exception rethrown.
   */
  public ImmuState importDatabase(String name, ImmuState end, java.util.Iterator<ExportedTx> txs) {
    return Transfers.importDatabase(calls, name, end, txs);
  }

  /** Writes the current database's index to disk once it has caught up (admin permission). */
  public void flushIndex() {
    call(s -> s.flushIndex(io.immudb.proto.FlushIndexRequest.getDefaultInstance()));
  }

  // ------------------------------------------------------------------ verified

  /** The trusted state of the current database (trusting the server if there is none yet). */
  public ImmuState verifiedState() throws VerificationException {
    return verified.trusted();
  }

  /** {@link #set(byte[], byte[])}, proven to be in a tx that extends the trusted state. */
  public TxHeader verifiedSet(byte[] key, byte[] value) throws VerificationException {
    return verified.setAll(List.of(new KeyValue(key, value)));
  }

  /** As {@link #verifiedSet(byte[], byte[])}, with UTF-8 text. */
  public TxHeader verifiedSet(String key, String value) throws VerificationException {
    return verifiedSet(utf8(key), utf8(value));
  }

  /** {@link #setAll}, every pair proven to be in the new tx. */
  public TxHeader verifiedSetAll(List<KeyValue> kvs) throws VerificationException {
    return verified.setAll(kvs);
  }

  /** {@link #get(byte[])}, proven: the value is in its tx, and the tx in the trusted history. */
  public Entry verifiedGet(byte[] key) throws VerificationException {
    return verified.get(key, 0, 0);
  }

  /** As {@link #verifiedGet(byte[])}, with a UTF-8 key. */
  public Entry verifiedGet(String key) throws VerificationException {
    return verifiedGet(utf8(key));
  }

  /** {@link #getAt}, proven. */
  public Entry verifiedGetAt(byte[] key, long atTx) throws VerificationException {
    return verified.get(key, atTx, 0);
  }

  /** {@link #getSince}, proven. */
  public Entry verifiedGetSince(byte[] key, long sinceTx) throws VerificationException {
    return verified.get(key, 0, sinceTx);
  }

  /** {@link #txById}, proven to be in the trusted history (or to extend it). */
  public Tx verifiedTxById(long txId) throws VerificationException {
    return verified.txById(txId);
  }

  /** {@link #setReferenceAt}, proven. */
  public TxHeader verifiedSetReference(byte[] key, byte[] referencedKey, long atTx)
      throws VerificationException {
    return verified.setReference(key, referencedKey, atTx);
  }

  /** {@link #zAddAt}, proven. */
  public TxHeader verifiedZAdd(byte[] set, double score, byte[] key, long atTx)
      throws VerificationException {
    return verified.zAdd(set, score, key, atTx);
  }

  /** Closes the connection (does not log out). */
  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
