package io.immudb.sql.internal;

import io.immudb.embedded.database.SqlEntry;
import io.immudb.embedded.database.SqlView;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A {@link KvReader} over a {@link SqlView} as of tx {@code asOfTx} (0 = the view's tx). Scans go
 * through the index page by page ({@value #PAGE} keys), so memory stays bounded whatever the table
 * size. Not thread-safe; the view is the caller's to close.
 */
final class ViewReader implements KvReader {
  static final int PAGE = 256;
  private final SqlView view;
  private final long asOfTx;

  ViewReader(SqlView view, long asOfTx) {
    this.view = view;
    this.asOfTx = asOfTx;
  }

  @Override
  public Kv get(byte[] key) {
    return view.get(key, asOfTx).map(e -> new Kv(e.key(), e.value(), e.txId())).orElse(null);
  }

  @Override
  public Iterator<Kv> scan(byte[] prefix, boolean desc) {
    return new Iterator<>() {
      private List<SqlEntry> page = view.scan(prefix, null, false, desc, PAGE, asOfTx);
      private int i;

      @Override
      public boolean hasNext() {
        if (i < page.size()) {
          return true;
        }
        if (page.size() < PAGE) {
          return false;
        }
        byte[] last = page.get(page.size() - 1).key();
        page = view.scan(prefix, last, false, desc, PAGE, asOfTx);
        i = 0;
        return !page.isEmpty();
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

  /** Every version of {@code key}, oldest first. */
  List<SqlEntry> history(byte[] key) {
    return view.history(key, 0, Integer.MAX_VALUE);
  }
}
