package io.immudb.sql.internal;

import io.immudb.embedded.database.SqlEntry;
import io.immudb.embedded.database.SqlView;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link KvReader} over a {@link SqlView} as of tx {@code asOfTx} (0 = the view's tx). Scans go
 * through the index page by page, the first page {@value #FIRST_PAGE} keys and each next one twice
 * as large up to {@value #PAGE}, so memory stays bounded whatever the table size and a scan that
 * stops early (LIMIT, a point range) reads few keys. Every key read from the index is counted in
 * {@code keysRead} (a test hook: docs/design/sql.md, "Queries"). Not thread-safe; the view is the
 * caller's to close.
 */
final class ViewReader implements KvReader {
  static final int FIRST_PAGE = 16;
  static final int PAGE = 256;
  private final SqlView view;
  private final long asOfTx;
  private final LongAdder keysRead;

  ViewReader(SqlView view, long asOfTx, LongAdder keysRead) {
    this.view = view;
    this.asOfTx = asOfTx;
    this.keysRead = keysRead;
  }

  ViewReader(SqlView view, long asOfTx) {
    this(view, asOfTx, new LongAdder());
  }

  /** The tx the underlying view reads at. */
  long viewTxId() {
    return view.txId();
  }

  @Override
  public Kv get(byte[] key) {
    keysRead.increment();
    return view.get(key, asOfTx).map(e -> new Kv(e.key(), e.value(), e.txId())).orElse(null);
  }

  @Override
  public Iterator<Kv> scan(byte[] prefix, byte[] lo, byte[] hi, boolean desc) {
    byte[] seek = within(prefix, desc ? hi : lo) ? (desc ? hi : lo) : null;
    byte[] stop = desc ? lo : hi;
    return new Iterator<>() {
      private int pageSize = FIRST_PAGE;
      private List<SqlEntry> page = read(seek, !desc);
      private int i;
      private boolean ended;

      private List<SqlEntry> read(byte[] from, boolean inclusive) {
        List<SqlEntry> p = view.scan(prefix, from, inclusive, stop, desc, pageSize, asOfTx);
        keysRead.add(p.size());
        return p;
      }

      @Override
      public boolean hasNext() {
        if (ended) {
          return false;
        }
        if (i >= page.size()) {
          if (page.size() < pageSize) {
            ended = true;
            return false;
          }
          byte[] last = page.get(page.size() - 1).key();
          pageSize = Math.min(PAGE, pageSize * 2);
          page = read(last, false);
          i = 0;
          if (page.isEmpty()) {
            ended = true;
            return false;
          }
        }
        if (stop != null) {
          int c = Arrays.compareUnsigned(page.get(i).key(), stop);
          if (desc ? c < 0 : c >= 0) {
            ended = true;
            return false;
          }
        }
        return true;
      }

      @Override
      public Kv next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        SqlEntry e = page.get(i++);
        return new Kv(e.key(), e.value(), e.txId());
      }
    };
  }

  /**
   * Whether {@code key} is non-null and starts with {@code prefix} (a seek key the index takes).
   */
  private static boolean within(byte[] prefix, byte[] key) {
    return key != null
        && key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Every version of {@code key}, oldest first. */
  List<SqlEntry> history(byte[] key) {
    return view.history(key, 0, Integer.MAX_VALUE);
  }
}
