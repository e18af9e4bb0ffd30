package io.immudb.client;

import static io.immudb.client.Requests.utf8;

import io.immudb.core.kv.Entry;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.kv.ZEntry;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.PermissionAction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
  // A facade: the session lives in the shared Connection, each area's calls in its own class.
  private final Connection conn;
  private final AdminOps admin;
  private final KvOps kv;
  private final StreamOps streams;
  private final TxOps txs;
  private final VerifiedOps verified;
  private final SqlOps sql;

  ImmuClient(ImmuClientBuilder b) {
    this.conn = new Connection(b);
    this.admin = new AdminOps(conn);
    this.kv = new KvOps(conn);
    this.streams = new StreamOps(conn);
    this.txs = new TxOps(conn);
    this.verified = new VerifiedOps(conn, b.stateHolder, b.serverSigningKey);
    this.sql = new SqlOps(conn);
  }

  /** A builder with the defaults: localhost:3322, database defaultdb, states in memory. */
  public static ImmuClientBuilder builder() {
    return new ImmuClientBuilder();
  }

  /**
   * The server's identity (its {@code immudb-uuid} header, spec v1 §9.2), asking the server
   * (Health) if no answer has carried it yet; a server that sends none is named by its address.
   * Trusted states are kept under this name.
   */
  public String serverUuid() {
    return conn.serverUuid();
  }

  // ------------------------------------------------------------------ session and databases

  /**
   * Logs in as {@code user} and switches to the database given to the builder (if not {@code
   * defaultdb}). Returns the server's warning, e.g. about the sysadmin's default password, or "".
   *
   * @throws ImmuClientException.UnauthenticatedException on a wrong user name or password
   */
  public String login(String user, String password) {
    return conn.login(user, password);
  }

  /**
   * Logs in with the builder's {@link ImmuClientBuilder#credentials credentials}.
   *
   * @throws IllegalStateException if none were configured
   */
  public String login() {
    return conn.login();
  }

  /** Ends every session of the logged-in user on the server. */
  public void logout() {
    conn.logout();
  }

  /** Works on {@code database} from now on (the server returns a token bound to it). */
  public void useDatabase(String database) {
    conn.switchTo(database, true);
  }

  /** The database this client works on. */
  public String currentDatabase() {
    return conn.session().database();
  }

  /** The current session token, or null when not logged in (e.g. to save it for later). */
  public String token() {
    return conn.session().token();
  }

  /** Resumes a session with a token saved earlier, bound to {@code database}. */
  public void resume(String token, String database) {
    conn.session().set(token, database);
  }

  /** Creates a database (sysadmin only). */
  public void createDatabase(String name) {
    admin.createDatabase(name);
  }

  /** The databases the logged-in user may see. */
  public List<String> databases() {
    return admin.databases();
  }

  /** Whether the server answers, and its version. */
  public Health health() {
    return admin.health();
  }

  /** The answer of {@link #health}. */
  public record Health(boolean ok, String version) {}

  /** Compacts the current database's index (admin). */
  public void compactIndex() {
    admin.compactIndex();
  }

  /**
   * The server's current state of the database, as the server says (not verified against the
   * trusted state; see {@link #verifiedState}).
   */
  public ImmuState currentState() {
    return txs.currentState();
  }

  // ------------------------------------------------------------------ users

  /** Creates a user with {@code permission} on {@code database}. */
  public void createUser(String user, String password, Permission permission, String database) {
    admin.createUser(user, password, permission, database);
  }

  /** The users the logged-in user may see. */
  public List<User> listUsers() {
    return admin.listUsers();
  }

  /** Changes {@code user}'s password (the old one is needed for the sysadmin). */
  public void changePassword(String user, String oldPassword, String newPassword) {
    admin.changePassword(user, oldPassword, newPassword);
  }

  /** Grants {@code permission} on {@code database} to {@code user}. */
  public void grant(String user, String database, Permission permission) {
    admin.changePermission(PermissionAction.GRANT, user, database, permission);
  }

  /** Revokes {@code user}'s permission on {@code database}. */
  public void revoke(String user, String database, Permission permission) {
    admin.changePermission(PermissionAction.REVOKE, user, database, permission);
  }

  /** Activates or deactivates {@code user}; deactivation ends its sessions. */
  public void setActiveUser(String user, boolean active) {
    admin.setActiveUser(user, active);
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
    return kv.setAll(kvs);
  }

  /** Makes {@code key} a reference to the latest value of {@code referencedKey}. */
  public TxHeader setReference(byte[] key, byte[] referencedKey) {
    return setReferenceAt(key, referencedKey, 0);
  }

  /** Makes {@code key} a reference to {@code referencedKey} as written in tx {@code atTx}. */
  public TxHeader setReferenceAt(byte[] key, byte[] referencedKey, long atTx) {
    return kv.setReferenceAt(key, referencedKey, atTx);
  }

  /** Adds {@code key} (its latest value) to sorted set {@code set} with {@code score}. */
  public TxHeader zAdd(byte[] set, double score, byte[] key) {
    return zAddAt(set, score, key, 0);
  }

  /** Adds {@code key} as written in tx {@code atTx} to sorted set {@code set}. */
  public TxHeader zAddAt(byte[] set, double score, byte[] key, long atTx) {
    return kv.zAddAt(set, score, key, atTx);
  }

  /** Commits every operation in one tx. */
  public TxHeader execAll(List<ExecOp> ops) {
    return kv.execAll(ops);
  }

  /** Sets a (large) value through the streaming API (spec v1 §12); it must not be empty. */
  public TxHeader streamSet(byte[] key, byte[] value) {
    return streams.streamSet(key, value);
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
    return kv.get(key, atTx, 0);
  }

  /** The latest value of {@code key} once the index has reached tx {@code sinceTx}. */
  public Entry getSince(byte[] key, long sinceTx) {
    return kv.get(key, 0, sinceTx);
  }

  /** The latest values of all {@code keys}, in order; fails if one is missing. */
  public List<Entry> getAll(List<byte[]> keys) {
    return kv.getAll(keys);
  }

  /** A large value read through the streaming API (spec v1 §12): key and value, no tx id. */
  public KeyValue streamGet(byte[] key) {
    return streams.streamGet(key);
  }

  /** Versions of {@code key}, oldest first unless {@code desc}; references are not followed. */
  public List<Entry> history(byte[] key, long offset, int limit, boolean desc) {
    return kv.history(key, offset, limit, desc);
  }

  /**
   * Keys starting with {@code prefix} in key order (descending with {@code desc}), after {@code
   * seekKey} if not empty, at most {@code limit} (0: the server's maximum, 1000).
   */
  public List<Entry> scan(byte[] prefix, byte[] seekKey, long limit, boolean desc) {
    return kv.scan(prefix, seekKey, limit, desc);
  }

  /** Keys starting with {@code prefix}, in key order. */
  public List<Entry> scan(byte[] prefix) {
    return scan(prefix, new byte[0], 0, false);
  }

  /** The members of sorted set {@code set} by score (descending with {@code desc}). */
  public List<ZEntry> zScan(byte[] set, long limit, boolean desc) {
    return kv.zScan(set, limit, desc);
  }

  /** The number of keys starting with {@code prefix} (not supported by every server). */
  public long count(byte[] prefix) {
    return kv.count(prefix);
  }

  /** The number of keys (not supported by every server). */
  public long countAll() {
    return kv.countAll();
  }

  /** Tx {@code txId}: header and entries, as the server says (see {@link #verifiedTxById}). */
  public Tx txById(long txId) {
    return txs.txById(txId);
  }

  /** Up to {@code limit} txs from {@code initialTx} on (backwards with {@code desc}). */
  public List<Tx> txScan(long initialTx, int limit, boolean desc) {
    return txs.txScan(initialTx, limit, desc);
  }

  // ------------------------------------------------------------------ SQL

  /**
   * Runs one or more SQL statements ({@code SQLExec}, spec v1 §11), e.g. {@code CREATE TABLE},
   * {@code INSERT}, or a {@code BEGIN … COMMIT} block; see docs/sql.md for the dialect.
   *
   * @param params named parameters, {@code @name} in the text, keyed by name with or without the
   *     {@code @}; values null, Long, Integer, String, Boolean or byte[] (null or empty: none)
   * @throws IllegalArgumentException if a parameter has another type
   */
  public SqlExecResult sqlExec(String sql, Map<String, ?> params) {
    return this.sql.exec(sql, params);
  }

  /** As {@link #sqlExec(String, Map)}, without parameters. */
  public SqlExecResult sqlExec(String sql) {
    return sqlExec(sql, Map.of());
  }

  /**
   * Runs a SELECT ({@code SQLQuery}, spec v1 §11); the rows as the server says (at most 1000).
   * Parameters as for {@link #sqlExec(String, Map)}.
   */
  public SqlQueryResult sqlQuery(String sql, Map<String, ?> params) {
    return this.sql.query(sql, params);
  }

  /** As {@link #sqlQuery(String, Map)}, without parameters. */
  public SqlQueryResult sqlQuery(String sql) {
    return sqlQuery(sql, Map.of());
  }

  /** The names of the current database's tables ({@code ListTables}). */
  public List<String> listTables() {
    return sql.listTables().rows().stream().map(r -> String.valueOf(r.get(0))).toList();
  }

  /**
   * The columns of {@code table} ({@code DescribeTable}): one row per column with {@code COLUMN},
   * {@code TYPE}, {@code NULLABLE}, {@code INDEX}, {@code AUTO_INCREMENT}, {@code UNIQUE}.
   *
   * @throws ImmuClientException if there is no such table
   */
  public SqlQueryResult describeTable(String table) {
    return sql.describeTable(table);
  }

  /**
   * The latest version of the row of {@code table} with primary key {@code pkValues} (one value per
   * primary-key column, in key order), proven ({@code VerifiableSQLGet}, spec v1 §7.4): the client
   * rebuilds the row's stored key from the table id and the values it asked for, checks that the
   * answer's entry is that key, that it is in its tx (inclusion proof) and that the tx is in the
   * trusted history (dual proof), and only then advances the trusted state. The server's table id
   * and column names are taken as it says (they are not proven).
   */
  public SqlRow verifiedSqlGet(String table, Object... pkValues) throws VerificationException {
    return verified.sqlGet(table, Arrays.asList(pkValues), 0, 0);
  }

  /** {@link #verifiedSqlGet}, the version written by tx {@code atTx}. */
  public SqlRow verifiedSqlGetAt(String table, long atTx, Object... pkValues)
      throws VerificationException {
    return verified.sqlGet(table, Arrays.asList(pkValues), atTx, 0);
  }

  /** {@link #verifiedSqlGet}, once the server's index has reached tx {@code sinceTx}. */
  public SqlRow verifiedSqlGetSince(String table, long sinceTx, Object... pkValues)
      throws VerificationException {
    return verified.sqlGet(table, Arrays.asList(pkValues), 0, sinceTx);
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
    return new TxStream(new Transfers.Export(conn.calls(), fromTx, toTx));
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
    return Transfers.importDatabase(conn.calls(), name, end, txs);
  }

  /** Writes the current database's index to disk once it has caught up (admin permission). */
  public void flushIndex() {
    admin.flushIndex();
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
    conn.close();
  }
}
