package io.immudb.embedded.internal.index;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.embedded.internal.settings.ByteCountProperty;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.HyperClockCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB database behind a {@link KeyIndex}: its three column families and every native
 * options object they need, opened together and closed together.
 *
 * <p>Column families: {@code default} holds the metadata ({@link #FORMAT_KEY}, {@link
 * #INDEXED_TX_KEY}); {@code latest} maps a stored key to the encoded {@link EntryRef} of its newest
 * version (bloom filter, for point gets); {@code history} maps {@link HistoryKeyCodec#versionKey}
 * to the encoded ref of every version. The WAL is off and flushes are atomic across column families
 * ({@code atomic_flush}; this covers the flush a manual compaction starts too), so what survives a
 * crash is always a whole prefix of the applied batches.
 *
 * <p>Thread-safe as RocksDB is, except {@link #close()}, which the owner MUST call only once no
 * other call is in flight.
 */
final class IndexDb implements AutoCloseable {
  static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);
  static final byte[] INDEXED_TX_KEY = "indexedTx".getBytes(StandardCharsets.US_ASCII);

  /** Version of the encodings in this package; an index with another version is rebuilt. */
  static final long FORMAT = 1;

  private static final byte[] WIPE_RANGE_END = {(byte) 0xFF};

  /**
   * System property giving the capacity of the block cache shared by every index in the process;
   * default {@link #DEFAULT_BLOCK_CACHE_BYTES}.
   */
  static final String BLOCK_CACHE_PROPERTY = "immudb.indexBlockCacheBytes";

  /**
   * 256 MiB: the newest-version blocks of a store of a few million keys (about 50 bytes a key), so
   * that random point gets are served from memory rather than by a read and a decompression each.
   */
  static final long DEFAULT_BLOCK_CACHE_BYTES = 256L << 20;

  private static final int BLOOM_BITS_PER_KEY = 10;

  /**
   * Background flushes that may run at once (RocksDB's default split of its background jobs gives
   * one). Chosen together with {@link #BACKGROUND_COMPACTIONS}, and measured together.
   */
  static final int BACKGROUND_FLUSHES = 2;

  /**
   * Background compactions that may run at once: one per two cores. RocksDB's default split (three
   * of four background jobs) let compactions take both cores of a two-core machine from the index
   * thread and the commit path; with these two settings the index caught up after 10M entries in
   * 0.78× the time (median of 9 paired runs, docs/benchmarks.md "Runs of 2026-12-07 evening"). A
   * catch-up still meets RocksDB's "waiting for flush" write stops now and then.
   */
  static final int BACKGROUND_COMPACTIONS =
      Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

  /**
   * Space RocksDB reserves ahead of the MANIFEST at a time (its default, 4 MiB, would make the
   * index of an empty store take 4 MiB of disk). A flush or compaction appends a few hundred bytes
   * to it, so 64 KiB still covers many of them per reservation.
   */
  private static final long MANIFEST_PREALLOCATION_BYTES = 64L << 10;

  /** The info LOG rolls over at this size; with {@link #KEEP_INFO_LOGS} old ones it stays small. */
  private static final long MAX_INFO_LOG_BYTES = 256L << 10;

  private static final long KEEP_INFO_LOGS = 3;

  final RocksDB db;
  final ColumnFamilyHandle meta;
  final ColumnFamilyHandle latest;
  final ColumnFamilyHandle history;
  final WriteOptions writeOptions;
  private final ReadOptions pointReads;
  private final List<AutoCloseable> owned;

  /**
   * Each thread's native buffers for {@link #latest}: the key is copied into one and the value read
   * into the other, so a point get makes no native allocation for the key and no Java array for the
   * value. Grown when a longer key comes; shared by every index the thread reads.
   */
  private static final ThreadLocal<PointBuffers> POINT_BUFFERS =
      ThreadLocal.withInitial(PointBuffers::new);

  private IndexDb(
      RocksDB db,
      List<ColumnFamilyHandle> cfs,
      WriteOptions wo,
      ReadOptions pointReads,
      List<AutoCloseable> owned) {
    this.db = db;
    this.meta = cfs.get(0);
    this.latest = cfs.get(1);
    this.history = cfs.get(2);
    this.writeOptions = wo;
    this.pointReads = pointReads;
    this.owned = owned;
  }

  /** Opens (creating if missing) the database in {@code dir}. */
  static IndexDb open(Path dir) throws IOException {
    RocksLibrary.load();
    Files.createDirectories(dir);
    List<AutoCloseable> owned = new ArrayList<>();
    try {
      Cache cache = sharedBlockCache();
      BloomFilter bloom = own(owned, new BloomFilter(BLOOM_BITS_PER_KEY, false));
      ColumnFamilyOptions metaOpts =
          own(owned, new ColumnFamilyOptions().setTableFormatConfig(table(cache, 4)));
      ColumnFamilyOptions latestOpts =
          own(
              owned,
              new ColumnFamilyOptions()
                  .setTableFormatConfig(
                      table(cache, 4).setFilterPolicy(bloom).setWholeKeyFiltering(true))
                  .setCompressionType(CompressionType.LZ4_COMPRESSION)
                  // whole-key bloom in the memtable too: a get of a key not in it skips the
                  // skiplist search
                  .setMemtablePrefixBloomSizeRatio(0.05)
                  .setMemtableWholeKeyFiltering(true));
      ColumnFamilyOptions historyOpts =
          own(
              owned,
              new ColumnFamilyOptions()
                  .setTableFormatConfig(table(cache, 16))
                  .setCompressionType(CompressionType.LZ4_COMPRESSION));
      DBOptions dbOpts =
          own(
              owned,
              new DBOptions()
                  .setCreateIfMissing(true)
                  .setCreateMissingColumnFamilies(true)
                  .setAtomicFlush(true)
                  .setMaxBackgroundFlushes(BACKGROUND_FLUSHES)
                  .setMaxBackgroundCompactions(BACKGROUND_COMPACTIONS)
                  .setBytesPerSync(1L << 20)
                  .setManifestPreallocationSize(MANIFEST_PREALLOCATION_BYTES)
                  .setMaxLogFileSize(MAX_INFO_LOG_BYTES)
                  .setKeepLogFileNum(KEEP_INFO_LOGS));
      WriteOptions wo = own(owned, new WriteOptions().setDisableWAL(true));
      ReadOptions pointReads = own(owned, new ReadOptions());
      List<ColumnFamilyDescriptor> descriptors =
          List.of(
              new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, metaOpts),
              new ColumnFamilyDescriptor(bytes("latest"), latestOpts),
              new ColumnFamilyDescriptor(bytes("history"), historyOpts));
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db = RocksDB.open(dbOpts, dir.toString(), descriptors, handles);
      // closed before the db, the db before the options: see close()
      owned.add(db);
      owned.addAll(handles);
      return new IndexDb(db, handles, wo, pointReads, owned);
    } catch (RocksDBException | RuntimeException e) {
      closeAll(owned);
      throw new IOException("cannot open the key index in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The {@code latest} row of {@code storedKey} in the live database (no snapshot), or null if it
   * has none. Thread-safe.
   */
  EntryRef latest(byte[] storedKey) {
    PointBuffers b = POINT_BUFFERS.get();
    ByteBuffer key = b.key(storedKey);
    ByteBuffer value = b.value;
    value.clear();
    int n;
    try {
      n = db.get(latest, pointReads, key, value);
    } catch (RocksDBException e) {
      throw failure("get", e);
    }
    return n == RocksDB.NOT_FOUND ? null : EntryRefCodec.decode(value, n);
  }

  /** A thread's direct buffers for {@link #latest}. */
  private static final class PointBuffers {
    private ByteBuffer key = ByteBuffer.allocateDirect(256);
    // one byte more than a ref, so that a longer (damaged) value shows in the length RocksDB
    // reports
    final ByteBuffer value = ByteBuffer.allocateDirect(EntryRefCodec.LENGTH + 1);

    /** {@code k}, copied into the key buffer, which is flipped for reading. */
    ByteBuffer key(byte[] k) {
      if (key.capacity() < k.length) {
        key = ByteBuffer.allocateDirect(Math.max(k.length, key.capacity() * 2));
      }
      key.clear();
      key.put(k).flip();
      return key;
    }
  }

  /** Reads a metadata {@code u64} (0 when absent), through {@code ro} or, if null, the live db. */
  long readMeta(ReadOptions ro, byte[] key) {
    try {
      return EntryRefCodec.decodeU64(ro == null ? db.get(meta, key) : db.get(meta, ro, key));
    } catch (RocksDBException e) {
      throw failure("read " + new String(key, StandardCharsets.US_ASCII), e);
    }
  }

  /** Writes {@code batch} atomically (no WAL: durable at the next flush). */
  void write(WriteBatch batch) {
    try {
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  /**
   * Deletes every entry and sets {@code indexedTx} to 0 and the format to {@link #FORMAT}, in one
   * atomic batch (snapshots already taken keep their view), flushes it, then compacts to give the
   * space back.
   */
  void wipe() {
    try (WriteBatch batch = new WriteBatch()) {
      for (ColumnFamilyHandle cf : List.of(latest, history)) {
        // a range delete covers every key below FF; the few keys from FF on are deleted one by one
        batch.deleteRange(cf, new byte[0], WIPE_RANGE_END);
        try (RocksIterator it = db.newIterator(cf)) {
          for (it.seek(WIPE_RANGE_END); valid(it); it.next()) {
            batch.delete(cf, it.key());
          }
        }
      }
      batch.put(meta, INDEXED_TX_KEY, EntryRefCodec.encodeU64(0));
      batch.put(meta, FORMAT_KEY, EntryRefCodec.encodeU64(FORMAT));
      write(batch);
      // persist the wipe now: wiped entries must not come back after a crash
      flush();
      db.compactRange(latest);
      db.compactRange(history);
    } catch (RocksDBException e) {
      throw failure("wipe", e);
    }
  }

  /** Flushes all column families together and waits for it. */
  void flush() {
    try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
      db.flush(fo, List.of(meta, latest, history));
    } catch (RocksDBException e) {
      throw failure("flush", e);
    }
  }

  /** Flushes, then closes the column families, the database and the options, in that order. */
  @Override
  public void close() {
    try {
      flush();
    } finally {
      closeAll(owned);
    }
  }

  /** Whether {@code it} is on a row; false at either end, and throws if the iterator failed. */
  static boolean valid(RocksIterator it) {
    if (it.isValid()) {
      return true;
    }
    try {
      it.status();
    } catch (RocksDBException e) {
      throw failure("iterate", e);
    }
    return false;
  }

  /**
   * Whether {@code t} (or a cause) is RocksDB's refusal for want of disk space: a write after a
   * flush met a full disk, or the flush itself. RocksDB stays stopped until it is opened again
   * ({@link KeyIndex#reopen}).
   */
  static boolean isNoSpace(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RocksDBException r) {
        Status st = r.getStatus();
        if (st != null && st.getSubCode() == Status.SubCode.NoSpace) {
          return true;
        }
      }
      String m = c.getMessage();
      if (m != null && (m.contains("No space left on device") || m.contains("NoSpace"))) {
        return true;
      }
    }
    return false;
  }

  /** Wraps a RocksDB failure of operation {@code what}. */
  static ImmuException failure(String what, RocksDBException e) {
    // Out of disk space is the caller's to fix, not our bug (StatusMapper: RESOURCE_EXHAUSTED).
    return new ImmuException(
        isNoSpace(e) ? ErrorCode.RESOURCE_EXHAUSTED : ErrorCode.INTERNAL,
        "key index: " + what + " failed: " + e.getMessage(),
        e);
  }

  private static Cache sharedBlockCache; // guarded by IndexDb.class; null: none
  private static boolean sharedBlockCacheMade; // guarded by IndexDb.class

  /**
   * The block cache of every index in the process, created on first use and never closed: one
   * memory bound however many databases are open, and an idle database holds none of it (a database
   * releases its blocks when it closes).
   *
   * @throws IllegalArgumentException if {@link #BLOCK_CACHE_PROPERTY} is set but not a byte count
   */
  private static synchronized Cache sharedBlockCache() {
    if (!sharedBlockCacheMade) {
      long bytes = blockCacheBytes(System.getProperty(BLOCK_CACHE_PROPERTY));
      // RocksDB's lock-free CLOCK cache: a lookup takes no shard mutex and moves nothing on an LRU
      // list; entry charge 0 lets it size its table itself. It can't be made with capacity 0 (the
      // native constructor crashes), so 0 means no block cache at all.
      sharedBlockCache = bytes == 0 ? null : new HyperClockCache(bytes, 0, -1, false);
      sharedBlockCacheMade = true;
    }
    return sharedBlockCache;
  }

  /** The block cache capacity that property value {@code v} (null if unset) asks for. */
  static long blockCacheBytes(String v) {
    return ByteCountProperty.parse(BLOCK_CACHE_PROPERTY, v, DEFAULT_BLOCK_CACHE_BYTES);
  }

  /** Point lookups want small blocks (less to read per get), range scans bigger ones. */
  private static BlockBasedTableConfig table(Cache cache, int blockKiB) {
    BlockBasedTableConfig t = new BlockBasedTableConfig().setBlockSize(blockKiB << 10);
    return cache == null ? t.setNoBlockCache(true) : t.setBlockCache(cache);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static <T extends AutoCloseable> T own(List<AutoCloseable> owned, T t) {
    owned.add(t);
    return t;
  }

  /** Closes in reverse order of creation: handles, db, then options. */
  private static void closeAll(List<AutoCloseable> owned) {
    RuntimeException first = null;
    for (int i = owned.size() - 1; i >= 0; i--) {
      try {
        owned.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing the key index failed", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    owned.clear();
    if (first != null) {
      throw first;
    }
  }
}
