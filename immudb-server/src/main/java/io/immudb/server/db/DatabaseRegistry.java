package io.immudb.server.db;

import io.immudb.core.kv.Entry;
import io.immudb.core.kv.SqlCatalog;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The databases of one data directory, each a {@link Database} in {@code <dir>/<name>} whose
 * transaction 1 is the SQL catalog entry of spec v1 §10. {@code systemdb} and {@code defaultdb}
 * exist from the first start; {@link #create} adds user databases, recording a settings record
 * ({@link DatabaseSettings}) in {@code systemdb} before the store is made, so that the order of
 * {@link #list()} survives restarts. A record whose store is missing (a crash between the two
 * steps) gets its store created on the next start.
 *
 * <p><b>Thread-safety:</b> safe for concurrent use. Creation is serialized on one lock; {@link
 * #get} and {@link #list} read an immutable snapshot published through a volatile field and take no
 * lock.
 */
public final class DatabaseRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseRegistry.class);

  private final Path root;
  private final StoreOptions options;
  private final Database systemdb;
  private final Object lock = new Object();

  /** The open user databases and their order, replaced as a whole on each create. */
  private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());

  /** Databases marked read-only, with the reason. */
  private final Map<String, String> readOnly = new ConcurrentHashMap<>();

  private long nextSeq;
  private volatile boolean closed;

  /** Names of the restores in progress (guarded by {@link #lock}). */
  private final java.util.Set<String> restoring = new java.util.HashSet<>();

  private DatabaseRegistry(Path root, StoreOptions options, Database systemdb) {
    this.root = root;
    this.options = options;
    this.systemdb = systemdb;
  }

  /**
   * Opens every database of {@code root}, creating {@code systemdb} and {@code defaultdb} if
   * missing, with {@code synced} durability.
   */
  public static DatabaseRegistry open(Path root, boolean synced) throws IOException {
    return open(root, StoreOptions.builder().synced(synced).build());
  }

  /**
   * Opens every database of {@code root} with {@code base} options; their first transaction is
   * always replaced by the spec v1 §10 catalog entry.
   */
  public static DatabaseRegistry open(Path root, StoreOptions base) throws IOException {
    StoreOptions options =
        base.toBuilder()
            .firstTx(
                List.of(new StoredKeyValue(SqlCatalog.firstTxKey(), SqlCatalog.firstTxValue())))
            .build();
    Database system = openDatabase(root, DatabaseNames.SYSTEMDB, options);
    DatabaseRegistry r = new DatabaseRegistry(root, options, system);
    try {
      r.load();
    } catch (IOException | RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  private static Database openDatabase(Path root, String name, StoreOptions options)
      throws IOException {
    return Database.open(name, root.resolve(name), options);
  }

  private void load() throws IOException {
    DatabaseRestore.removeLeftovers(root);
    List<DatabaseSettings> settings = new ArrayList<>();
    byte[] prefix = {DatabaseSettings.KEY_PREFIX};
    for (Entry e : PrefixScan.all(systemdb, prefix)) {
      settings.add(DatabaseSettings.decode(e.value()));
    }
    if (settings.stream().noneMatch(s -> s.name().equals(DatabaseNames.DEFAULTDB))) {
      DatabaseSettings d = new DatabaseSettings(DatabaseNames.DEFAULTDB, 0, now());
      systemdb.set(d.key(), d.encode());
      settings.add(d);
    }
    settings.sort(Comparator.comparingLong(DatabaseSettings::seq));
    Map<String, Database> open = new LinkedHashMap<>();
    try {
      for (DatabaseSettings s : settings) {
        open.put(s.name(), openDatabase(root, s.name(), options));
        nextSeq = Math.max(nextSeq, s.seq() + 1);
      }
    } catch (IOException | RuntimeException e) {
      closeAll(open.values());
      throw e;
    }
    snapshot = new Snapshot(Map.copyOf(open), List.copyOf(open.keySet()));
    LOG.info("opened {} databases in {}", open.size() + 1, root);
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  /**
   * Creates a user database: validates the name (spec v1 §9.4), records its settings in {@code
   * systemdb}, and creates its store with transaction 1 of spec v1 §10.
   *
   * @return the new, open database
   * @throws DatabaseException if the name breaks a rule or the database exists
   * @throws UncheckedIOException if the store cannot be created
   */
  public Database create(String name) {
    Objects.requireNonNull(name, "name");
    DatabaseNames.validate(name);
    synchronized (lock) {
      ensureOpen();
      Snapshot current = snapshot;
      if (current.databases().containsKey(name) || restoring.contains(name)) {
        throw new DatabaseException(
            DatabaseException.Kind.ALREADY_EXISTS, name, "database '" + name + "' already exists");
      }
      DatabaseSettings s = new DatabaseSettings(name, nextSeq, now());
      systemdb.set(s.key(), s.encode());
      nextSeq++;
      Database db;
      try {
        db = openDatabase(root, name, options);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create database " + name, e);
      }
      Map<String, Database> next = new LinkedHashMap<>(current.databases());
      next.put(name, db);
      List<String> nextOrder = new ArrayList<>(current.order());
      nextOrder.add(name);
      snapshot = new Snapshot(Map.copyOf(next), List.copyOf(nextOrder));
      LOG.info("created database {}", name);
      return db;
    }
  }

  /**
   * Starts restoring a database called {@code name} from an exported history: a store with no
   * transactions in a temporary directory, which becomes the database only when {@link
   * DatabaseRestore#finish} found the history complete. Until then {@code name} is reserved.
   *
   * @throws DatabaseException if the name breaks a rule, the database exists or is being restored
   */
  public DatabaseRestore beginRestore(String name) {
    Objects.requireNonNull(name, "name");
    DatabaseNames.validate(name);
    synchronized (lock) {
      ensureOpen();
      if (snapshot.databases().containsKey(name)) {
        throw new DatabaseException(
            DatabaseException.Kind.ALREADY_EXISTS, name, "database '" + name + "' already exists");
      }
      if (!restoring.add(name)) {
        throw new DatabaseException(
            DatabaseException.Kind.ALREADY_EXISTS,
            name,
            "database '" + name + "' is being restored by another call");
      }
    }
    try {
      return DatabaseRestore.begin(this, name, options.toBuilder().firstTx(List.of()).build());
    } catch (IOException | RuntimeException e) {
      restoreEnded(name);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot start restoring database " + name, io);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * Makes the restored store in {@code dir} the database {@code name}: moves it into place, records
   * its settings and opens it.
   */
  Database adoptRestored(String name, Path dir) throws IOException {
    synchronized (lock) {
      ensureOpen();
      Snapshot current = snapshot;
      java.nio.file.Files.move(
          dir, root.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      DatabaseSettings s = new DatabaseSettings(name, nextSeq, now());
      systemdb.set(s.key(), s.encode());
      nextSeq++;
      Database db = openDatabase(root, name, options);
      Map<String, Database> next = new LinkedHashMap<>(current.databases());
      next.put(name, db);
      List<String> nextOrder = new ArrayList<>(current.order());
      nextOrder.add(name);
      snapshot = new Snapshot(Map.copyOf(next), List.copyOf(nextOrder));
      LOG.info("restored database {} at tx {}", name, db.lastTxId());
      return db;
    }
  }

  /** Frees the name of a restore that finished or was abandoned. */
  void restoreEnded(String name) {
    synchronized (lock) {
      restoring.remove(name);
    }
  }

  /**
   * The open database called {@code name}; {@code systemdb} included.
   *
   * @throws DatabaseException of kind {@code NOT_FOUND} ({@code '<name>' does not exist})
   */
  public Database get(String name) {
    ensureOpen();
    Database db = DatabaseNames.SYSTEMDB.equals(name) ? systemdb : snapshot.databases().get(name);
    if (db == null) {
      throw new DatabaseException(
          DatabaseException.Kind.NOT_FOUND, name, "'" + name + "' does not exist");
    }
    return db;
  }

  /** Whether {@code name} is an open database ({@code systemdb} included). */
  public boolean exists(String name) {
    return DatabaseNames.SYSTEMDB.equals(name) || snapshot.databases().containsKey(name);
  }

  /** Database names in index order: {@code defaultdb}, then user databases by creation order. */
  public List<String> list() {
    return snapshot.order();
  }

  /** Whether any user database exists besides {@code defaultdb} (immudb's multi-database mode). */
  public boolean hasUserDatabases() {
    return snapshot.order().size() > 1;
  }

  /**
   * Marks database {@code name} read-only for the rest of this server's life: the server refuses
   * writes to it with {@code database <name> is read-only: <reason>}. The first reason stays.
   */
  public void markReadOnly(String name, String reason) {
    readOnly.putIfAbsent(Objects.requireNonNull(name, "name"), Objects.requireNonNull(reason));
  }

  /** Why database {@code name} is read-only, if it was marked so ({@link #markReadOnly}). */
  public Optional<String> readOnlyReason(String name) {
    return Optional.ofNullable(readOnly.get(name));
  }

  /** The internal database holding users and settings. */
  public Database systemdb() {
    return systemdb;
  }

  /** The data directory holding the databases. */
  public Path root() {
    return root;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the database registry is closed");
    }
  }

  /** Closes every store. Idempotent. */
  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      List<Database> all = new ArrayList<>();
      Snapshot current = snapshot;
      for (String n : current.order()) {
        all.add(current.databases().get(n));
      }
      all.add(systemdb);
      closeAll(all);
    }
  }

  private static void closeAll(Iterable<Database> dbs) throws IOException {
    IOException first = null;
    for (Database db : dbs) {
      try {
        db.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
