package io.immudb.embedded.database;

import io.immudb.core.kv.Entry;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.ZEntry;
import io.immudb.core.tx.Tx;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.InvalidRequestException.Kind;
import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.TxNotFoundException;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.internal.index.IndexSnapshot;
import io.immudb.embedded.internal.index.KeyVersion;
import io.immudb.embedded.internal.index.ScanSpec;
import io.immudb.embedded.store.ImmuStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The read operations of the data model (spec v1 §9.7: {@code Get}, {@code History}, {@code Scan},
 * {@code ZScan}, {@code TxById}, {@code TxScan}) and the argument checks they share with the
 * verifiable reads.
 *
 * <p>Thread-safe (stateless over a thread-safe store).
 */
final class Reads {
  private final ImmuStore store;
  private final KeyReader reader;
  private final SortedSets sortedSets;

  Reads(ImmuStore store, KeyReader reader) {
    this.store = store;
    this.reader = reader;
    this.sortedSets = new SortedSets(store, reader);
  }

  /** Reads {@code key} once the index has reached {@code max(atTx, sinceTx)}. */
  KeyReader.Resolved get(byte[] key, long atTx, long sinceTx) {
    checkKey(key);
    if (atTx > 0 && sinceTx > 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "atTx and sinceTx are both set");
    }
    checkTxBound(atTx);
    waitFor(Math.max(atTx, sinceTx));
    if (atTx == 0) {
      // The common case, the latest version of a plain key: one index get, no snapshot to take.
      KeyReader.Resolved r = reader.latestPlain(key);
      if (r != null) {
        return r;
      }
    }
    try (IndexSnapshot s = store.indexSnapshot()) {
      return reader.get(s, key, atTx);
    }
  }

  List<Entry> getAll(List<byte[]> keys, long sinceTx) {
    keys.forEach(Reads::checkKey);
    waitFor(sinceTx);
    List<Entry> out = new ArrayList<>(keys.size());
    try (IndexSnapshot s = store.indexSnapshot()) {
      for (byte[] k : keys) {
        out.add(reader.get(s, k, 0).entry());
      }
    }
    return out;
  }

  List<Entry> history(byte[] key, long offset, long limit, boolean desc, long sinceTx) {
    checkKey(key);
    int lim = scanLimit(limit);
    if (offset < 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "offset " + offset + " < 0");
    }
    waitFor(sinceTx);
    byte[] sk = StoredKeys.plain(key);
    try (IndexSnapshot s = store.indexSnapshot()) {
      long n = s.versionCount(sk);
      if (n == 0) {
        throw new KeyNotFoundException(key, 0);
      }
      if (offset == n) {
        throw new InvalidRequestException(Kind.NO_MORE_ENTRIES, null);
      }
      List<Entry> out = new ArrayList<>();
      for (EntryRef r : s.history(sk, offset, lim, desc)) {
        byte[] v = store.readValue(r);
        out.add(new Entry(r.txId(), key, Arrays.copyOfRange(v, 1, v.length), null));
      }
      return out;
    }
  }

  List<Entry> scan(ScanRequest req) {
    int lim = scanLimit(req.limit());
    checkTxBound(req.atTx());
    long since = req.sinceTx() == 0 ? store.lastTxId() : req.sinceTx();
    if (!req.noWait()) {
      waitFor(Math.max(since, req.atTx()));
    }
    byte[] prefix = StoredKeys.plain(req.prefix());
    try (IndexSnapshot s = store.indexSnapshot()) {
      ScanSpec spec =
          new ScanSpec(
              prefix,
              req.seekKey().length == 0 ? null : StoredKeys.plain(req.seekKey()),
              false,
              req.endKey().length == 0 ? null : StoredKeys.plain(req.endKey()),
              true,
              req.desc(),
              lim,
              Math.min(req.atTx(), s.txId()));
      List<Entry> out = new ArrayList<>();
      for (KeyVersion kv : s.scan(spec)) {
        byte[] userKey = StoredKeys.userKey(kv.storedKey());
        KeyReader.Stored st =
            new KeyReader.Stored(kv.storedKey(), kv.ref(), store.readValue(kv.ref()));
        out.add(reader.resolve(s, userKey, st));
      }
      return out;
    }
  }

  long count(byte[] prefix) {
    try (IndexSnapshot s = store.indexSnapshot()) {
      return s.count(StoredKeys.plain(prefix), 0);
    }
  }

  List<ZEntry> zScan(ZScanRequest req) {
    int lim = scanLimit(req.limit());
    long since = req.sinceTx() == 0 ? store.lastTxId() : req.sinceTx();
    if (!req.noWait()) {
      waitFor(since);
    }
    return sortedSets.scan(req, lim);
  }

  Tx txById(long txId) {
    if (txId == 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "tx id 0");
    }
    return store.tx(txId);
  }

  List<Tx> txScan(long initialTx, long limit, boolean desc) {
    int lim = scanLimit(limit);
    if (initialTx < 1) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "initialTx must be >= 1");
    }
    long last = store.lastTxId();
    if (initialTx > last) {
      throw new TxNotFoundException(initialTx, last);
    }
    List<Tx> out = new ArrayList<>();
    for (long id = initialTx; id >= 1 && id <= last && out.size() < lim; id += desc ? -1 : 1) {
      out.add(store.tx(id));
    }
    return out;
  }

  // ------------------------------------------------------------------ checks

  static void checkKey(byte[] key) {
    if (key == null || key.length == 0) {
      throw new InvalidRequestException(Kind.EMPTY_KEY, "the key is empty");
    }
  }

  void checkTxBound(long atTx) {
    if (atTx < 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "negative tx id " + atTx);
    }
    if (atTx > store.lastTxId()) {
      throw new TxNotFoundException(atTx, store.lastTxId());
    }
  }

  void waitFor(long txId) {
    if (txId > 0) {
      store.awaitIndexed(txId);
    }
  }

  static int scanLimit(long limit) {
    if (limit < 0 || limit > Database.MAX_SCAN_LIMIT) {
      throw new InvalidRequestException(
          Kind.SCAN_LIMIT, "limit " + limit + ", at most " + Database.MAX_SCAN_LIMIT);
    }
    return limit == 0 ? Database.MAX_SCAN_LIMIT : (int) limit;
  }
}
