package io.immudb.embedded.internal.index;

import java.util.Arrays;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;

/**
 * A {@link KeyCursor} over the {@code latest} column family: the view at the snapshot's own tx,
 * where each row already is a key's newest version.
 *
 * <p>Not thread-safe.
 */
final class LatestCursor implements KeyCursor {
  private final RocksIterator it;
  private byte[] key; // cached key of the current row, null until asked

  LatestCursor(IndexDb db, ReadOptions ro) {
    this.it = db.db.newIterator(db.latest, ro);
  }

  @Override
  public void seekFirst() {
    key = null;
    it.seekToFirst();
  }

  @Override
  public void seekLast() {
    key = null;
    it.seekToLast();
  }

  @Override
  public void seekCeiling(byte[] k) {
    key = null;
    it.seek(k);
  }

  @Override
  public void seekHigher(byte[] k) {
    seekCeiling(k);
    if (it.isValid() && Arrays.equals(key(), k)) {
      next();
    }
  }

  @Override
  public void seekFloor(byte[] k) {
    key = null;
    it.seekForPrev(k);
  }

  @Override
  public void seekLower(byte[] k) {
    seekFloor(k);
    if (it.isValid() && Arrays.equals(key(), k)) {
      prev();
    }
  }

  @Override
  public boolean isValid() {
    return IndexDb.valid(it);
  }

  @Override
  public byte[] key() {
    if (key == null) {
      key = it.key();
    }
    return key;
  }

  @Override
  public EntryRef ref() {
    return EntryRefCodec.decode(it.value());
  }

  @Override
  public void next() {
    key = null;
    it.next();
  }

  @Override
  public void prev() {
    key = null;
    it.prev();
  }

  @Override
  public void close() {
    it.close();
  }
}
