package io.immudb.embedded.store;

import io.immudb.embedded.internal.ahtree.FileAhTree;
import io.immudb.embedded.internal.appendable.Appendable;
import io.immudb.embedded.internal.appendable.SegmentedAppendable;
import io.immudb.embedded.internal.txlog.CommitRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The four logs of a store — values ({@code val/}), transactions ({@code tx/}), commit records
 * ({@code commit/}) and hash-tree nodes ({@code aht/}) — opened together and closed together.
 *
 * <p>The commit and tree logs round the segment size down to a multiple of their record size, so
 * their fixed-size records never span segments. A synced store keeps space preallocated ahead of
 * the value and tx logs (synced on every commit), in steps that follow the write rate up to {@link
 * #MAX_PREALLOCATE_STEP} (see {@link SegmentedAppendable#open(Path, long, long)}). Each log passes
 * through the options' {@code logWrapper}. Not thread-safe to open or close; the logs themselves
 * follow {@link Appendable}.
 */
final class StoreLogs implements AutoCloseable {
  /** Largest step of zeros added beyond the end of a synced value or tx log at once. */
  private static final long MAX_PREALLOCATE_STEP = 32L << 20;

  final Appendable vlog;
  final Appendable txlog;
  final Appendable clog;
  final Appendable ahtLog;

  private StoreLogs(Appendable vlog, Appendable txlog, Appendable clog, Appendable ahtLog) {
    this.vlog = vlog;
    this.txlog = txlog;
    this.clog = clog;
    this.ahtLog = ahtLog;
  }

  /** Opens the logs under {@code dir}; on failure closes whatever was opened. */
  static StoreLogs open(Path dir, long segmentSize, StoreOptions options) throws IOException {
    long prealloc = options.synced() ? Math.min(MAX_PREALLOCATE_STEP, segmentSize) : 0;
    long clogSeg = segmentSize / CommitRecord.LENGTH * CommitRecord.LENGTH;
    long ahtSeg = segmentSize / FileAhTree.RECORD_LENGTH * FileAhTree.RECORD_LENGTH;
    var wrap = options.logWrapper();
    List<Appendable> opened = new ArrayList<>(4);
    try {
      opened.add(
          wrap.apply("val", SegmentedAppendable.open(dir.resolve("val"), segmentSize, prealloc)));
      opened.add(
          wrap.apply("tx", SegmentedAppendable.open(dir.resolve("tx"), segmentSize, prealloc)));
      opened.add(wrap.apply("commit", SegmentedAppendable.open(dir.resolve("commit"), clogSeg)));
      opened.add(wrap.apply("aht", SegmentedAppendable.open(dir.resolve("aht"), ahtSeg)));
      return new StoreLogs(opened.get(0), opened.get(1), opened.get(2), opened.get(3));
    } catch (IOException | RuntimeException e) {
      closeQuietly(opened, e);
      throw e;
    }
  }

  /** Syncs all four logs. */
  void syncAll() throws IOException {
    ahtLog.sync();
    vlog.sync();
    txlog.sync();
    clog.sync();
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Appendable a : List.of(vlog, txlog, clog, ahtLog)) {
      try {
        a.close();
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

  static void closeQuietly(List<? extends AutoCloseable> opened, Exception cause) {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception suppressed) {
        cause.addSuppressed(suppressed);
      }
    }
  }
}
