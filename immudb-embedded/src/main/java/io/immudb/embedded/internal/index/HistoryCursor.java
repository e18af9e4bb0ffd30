package io.immudb.embedded.internal.index;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;

/**
 * A {@link KeyCursor} over the view as of an older tx {@code atTx}, read from the {@code history}
 * column family: each key is positioned on its newest version with {@code txId ≤ atTx}, and keys
 * with no such version are skipped.
 *
 * <p>Rows of one key are contiguous and sorted by tx id (see {@link HistoryKeyCodec}):
 *
 * <pre>
 *   ... | k1@3 k1@9 | k2@5 | k3@2 k3@4 k3@8 | ...       atTx = 4  →  k1@3, k3@4 (k2 skipped)
 *          group(k1)   group(k2)  group(k3)
 * </pre>
 *
 * Moving forward, the cursor walks a key's rows while they are ≤ {@code atTx} (few versions is the
 * common case), falling back to one {@code seekForPrev} after {@link #WALK_LIMIT} rows, and jumps
 * over the rest of the group with a seek to {@link HistoryKeyCodec#endOfGroup}. Moving backward it
 * lands on a group's last row and, if that is newer than {@code atTx}, seeks back to {@code group ‖
 * u64(atTx)}; if that leaves the group, it already sits on the previous group's last row.
 *
 * <p>Not thread-safe.
 */
final class HistoryCursor implements KeyCursor {
  private static final int WALK_LIMIT = 4;

  private final RocksIterator it;
  private final long atTx;
  private boolean valid;
  private byte[] group; // group of the current key
  private byte[] value; // encoded ref of the current version
  private byte[] key; // decoded lazily from group
  // true when the iterator sits one row past the current version (after a forward settle)
  private boolean pastCurrent;

  HistoryCursor(IndexDb db, ReadOptions ro, long atTx) {
    this.it = db.db.newIterator(db.history, ro);
    this.atTx = atTx;
  }

  @Override
  public void seekFirst() {
    it.seekToFirst();
    settleForward();
  }

  @Override
  public void seekLast() {
    it.seekToLast();
    settleBackward();
  }

  @Override
  public void seekCeiling(byte[] k) {
    it.seek(HistoryKeyCodec.group(k));
    settleForward();
  }

  @Override
  public void seekHigher(byte[] k) {
    it.seek(HistoryKeyCodec.groupEnd(k));
    settleForward();
  }

  @Override
  public void seekFloor(byte[] k) {
    it.seekForPrev(HistoryKeyCodec.groupEnd(k));
    settleBackward();
  }

  @Override
  public void seekLower(byte[] k) {
    it.seekForPrev(HistoryKeyCodec.group(k));
    settleBackward();
  }

  @Override
  public boolean isValid() {
    return valid;
  }

  @Override
  public byte[] key() {
    if (key == null) {
      key = HistoryKeyCodec.storedKey(group);
    }
    return key;
  }

  @Override
  public EntryRef ref() {
    return EntryRefCodec.decode(value);
  }

  @Override
  public void next() {
    if (!pastCurrent || (iteratorValid() && HistoryKeyCodec.inGroup(it.key(), group))) {
      it.seek(HistoryKeyCodec.endOfGroup(group));
    }
    settleForward();
  }

  @Override
  public void prev() {
    it.seekForPrev(group);
    settleBackward();
  }

  @Override
  public void close() {
    it.close();
  }

  /** Requires the iterator on the first row of a group (or off the end). */
  private void settleForward() {
    key = null;
    while (iteratorValid()) {
      byte[] hk = it.key();
      byte[] g = HistoryKeyCodec.groupOf(hk);
      if (HistoryKeyCodec.txId(hk) > atTx) {
        it.seek(HistoryKeyCodec.endOfGroup(g)); // no version ≤ atTx: skip the key
        continue;
      }
      byte[] v = it.value();
      it.next();
      for (int steps = 0; iteratorValid(); steps++) {
        byte[] nk = it.key();
        if (!HistoryKeyCodec.inGroup(nk, g) || HistoryKeyCodec.txId(nk) > atTx) {
          break;
        }
        if (steps == WALK_LIMIT) {
          it.seekForPrev(HistoryKeyCodec.versionKeyOfGroup(g, atTx));
          v = it.value();
          it.next();
          break;
        }
        v = it.value();
        it.next();
      }
      found(g, v, true);
      return;
    }
    valid = false;
  }

  /** Requires the iterator on the last row of a group (or off the start). */
  private void settleBackward() {
    key = null;
    while (iteratorValid()) {
      byte[] hk = it.key();
      byte[] g = HistoryKeyCodec.groupOf(hk);
      if (HistoryKeyCodec.txId(hk) <= atTx) {
        found(g, it.value(), false);
        return;
      }
      it.seekForPrev(HistoryKeyCodec.versionKeyOfGroup(g, atTx));
      if (iteratorValid() && HistoryKeyCodec.inGroup(it.key(), g)) {
        found(g, it.value(), false);
        return;
      }
      // now on the previous group's last row, or off the start
    }
    valid = false;
  }

  private void found(byte[] g, byte[] v, boolean past) {
    group = g;
    value = v;
    pastCurrent = past;
    valid = true;
  }

  private boolean iteratorValid() {
    return IndexDb.valid(it);
  }
}
