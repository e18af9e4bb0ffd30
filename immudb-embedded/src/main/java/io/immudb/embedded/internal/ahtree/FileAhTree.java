package io.immudb.embedded.internal.ahtree;

import io.immudb.core.ahtree.AhtNodes;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.internal.appendable.Appendable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.LongFunction;
import java.util.zip.CRC32C;

/**
 * The append-only hash tree over Alh values (spec v1 §6), stored as a log of node records.
 *
 * <p>Nodes are appended in the order they become complete: when leaf {@code n} is added, its leaf
 * hash is written, then every perfect subtree that leaf completes, lowest level first. So after
 * {@code n} leaves the log holds {@code 2n − popcount(n)} nodes, and node {@code (h, k)} (see
 * {@link AhtNodes}) has ordinal {@code nodes(m − 1) + h} where {@code m = (k+1)·2^h} is the leaf
 * that completes it. Each record is the 32-byte hash followed by a CRC32C of {@code u64(ordinal) ‖
 * hash}, so a node read from the wrong place also fails its check.
 *
 * <pre>
 * leaves added:  1    2         3    4              5
 * records:      n0,0 n0,1 n1,0 n0,2 n0,3 n1,1 n2,0 n0,4
 * ordinal:       0    1    2    3    4    5    6    7
 * </pre>
 *
 * <p>Thread-safety: one writer thread calls {@link #append}, {@link #flush}, {@link #publish} and
 * {@link #repair}; any thread may call {@link #size} and {@link #node} for nodes of the published
 * tree. The tree is derived data (every Alh is also in the commit log), so it is not synced on
 * every commit; {@link #repair} rebuilds a lagging tail on open.
 */
public final class FileAhTree implements AhtNodes {
  private static final int CACHE_MASK = (1 << 18) - 1;

  private record CachedNode(long ordinal, Sha256Digest digest) {}

  private static final int RANGE_CACHE_MASK = (1 << 12) - 1;

  private record CachedRange(long off, long count, Sha256Digest digest) {}

  /** Bytes per node record. */
  public static final int RECORD_LENGTH = Sha256Digest.LENGTH + 4;

  private final Appendable log;
  private final Sha256Hasher hasher = Sha256Hasher.create();

  /** peaks[l] = root of the perfect subtree of height l in the pending tree, if bit l is set. */
  private final Sha256Digest[] peaks = new Sha256Digest[64];

  private final byte[] fold = new byte[2 * Sha256Digest.LENGTH];

  /**
   * Direct-mapped cache of nodes read from the log, by ordinal. Proofs to recent states read the
   * same right-edge nodes again and again, and proofs of random txs the nodes next to their leaves:
   * 2^18 slots hold every node of a tree of 128k txs (1 MiB of slots, about 90 bytes a filled one).
   * Lock-free: slots hold immutable records.
   */
  private final CachedNode[] cache = new CachedNode[CACHE_MASK + 1];

  /**
   * Direct-mapped cache of the hashes of leaf ranges that are not perfect subtrees ({@link
   * #knownRange}): the right edge of a state, which every proof to that state hashes again.
   * Lock-free like {@link #cache}; only ranges of the published tree are ever offered.
   */
  private final CachedRange[] ranges = new CachedRange[RANGE_CACHE_MASK + 1];

  private ByteBuffer pending = ByteBuffer.allocate(64 * RECORD_LENGTH);
  private long pendingSize;
  private volatile long size;

  private FileAhTree(Appendable log) {
    this.log = log;
  }

  /** Number of nodes stored for a tree of {@code n} leaves. */
  public static long nodeCount(long n) {
    return 2 * n - Long.bitCount(n);
  }

  private static long ordinal(int level, long index) {
    long completingLeaf = (index + 1) << level;
    return nodeCount(completingLeaf - 1) + level;
  }

  /**
   * Opens the tree stored in {@code log} and makes it hold exactly {@code leaves} leaves: cuts
   * nodes beyond them (from transactions that never committed) and appends the missing ones, taking
   * Alh values from {@code alhOf}. Also checks that the stored nodes still agree with the Alh
   * values where they are cheap to check (the last stored leaf).
   */
  public static FileAhTree open(Appendable log, long leaves, LongFunction<Sha256Digest> alhOf)
      throws IOException {
    FileAhTree t = new FileAhTree(log);
    t.repair(leaves, alhOf);
    return t;
  }

  private void repair(long leaves, LongFunction<Sha256Digest> alhOf) throws IOException {
    long records = log.size() / RECORD_LENGTH;
    long have = Math.min(leaves, leavesCoveredBy(records));
    // The last stored leaf must match the commit log; if not, rebuild from scratch.
    if (have > 0 && !readNode(0, have - 1).equals(hasher.leaf(alhOf.apply(have)))) {
      have = 0;
    }
    log.truncate(nodeCount(have) * RECORD_LENGTH);
    java.util.Arrays.fill(cache, null);
    java.util.Arrays.fill(ranges, null);
    size = have;
    pendingSize = have;
    loadPeaks(have);
    for (long i = have + 1; i <= leaves; i++) {
      append(alhOf.apply(i));
      if (pending.position() > (1 << 20)) {
        flush();
      }
    }
    flush();
    publish();
  }

  /** Largest leaf count whose nodes all fit in {@code records} records. */
  private static long leavesCoveredBy(long records) {
    long lo = 0;
    long hi = records;
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      if (nodeCount(mid) <= records) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private void loadPeaks(long n) {
    java.util.Arrays.fill(peaks, null);
    long consumed = 0;
    for (int l = 63; l >= 0; l--) {
      if ((n >>> l & 1) == 1) {
        peaks[l] = readNode(l, consumed >>> l);
        consumed += 1L << l;
      }
    }
  }

  /** Number of leaves of the published tree. */
  @Override
  public long size() {
    return size;
  }

  @Override
  public Sha256Digest node(int level, long index) {
    checkComplete(level, index);
    return readNode(level, index);
  }

  @Override
  public Sha256Digest knownRange(long off, long count) {
    CachedRange r = ranges[rangeSlot(off, count)];
    return r != null && r.off == off && r.count == count ? r.digest : null;
  }

  @Override
  public void rangeHashed(long off, long count, Sha256Digest root) {
    if (off >= 0 && count > 0 && off + count <= size) {
      ranges[rangeSlot(off, count)] = new CachedRange(off, count, root);
    }
  }

  private static int rangeSlot(long off, long count) {
    long x = (off + count) * 0x9E3779B97F4A7C15L ^ count;
    return (int) (x ^ x >>> 29) & RANGE_CACHE_MASK;
  }

  private void checkComplete(int level, long index) {
    if (level < 0 || level > 62 || index < 0 || ((index + 1) << level) > size) {
      throw new IllegalArgumentException(
          "node (" + level + ", " + index + ") is not complete in a tree of " + size + " leaves");
    }
  }

  /**
   * A view of the published tree that reads every node from the log, bypassing the node cache: for
   * checks of what is on disk. Thread-safe, as {@link #node}.
   */
  public AhtNodes storedNodes() {
    return new AhtNodes() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public Sha256Digest node(int level, long index) {
        checkComplete(level, index);
        return readNodeFromLog(level, index, ordinal(level, index));
      }
    };
  }

  private Sha256Digest readNode(int level, long index) {
    long ord = ordinal(level, index);
    CachedNode c = cache[(int) (ord & CACHE_MASK)];
    if (c != null && c.ordinal == ord) {
      return c.digest;
    }
    Sha256Digest d = readNodeFromLog(level, index, ord);
    cache[(int) (ord & CACHE_MASK)] = new CachedNode(ord, d);
    return d;
  }

  private Sha256Digest readNodeFromLog(int level, long index, long ord) {
    long off = ord * RECORD_LENGTH;
    ByteBuffer b = ByteBuffer.allocate(RECORD_LENGTH);
    try {
      log.read(off, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    b.flip();
    if (b.getInt(Sha256Digest.LENGTH) != crc(ord, b, 0)) {
      throw new CorruptedDataException(
          log.describe(off), "hash tree node (" + level + ", " + index + ") checksum mismatch");
    }
    return Sha256Digest.read(b);
  }

  private static int crc(long ordinal, ByteBuffer buf, int start) {
    CRC32C c = new CRC32C();
    for (int shift = 56; shift >= 0; shift -= 8) {
      c.update((int) (ordinal >>> shift));
    }
    c.update(buf.array(), buf.arrayOffset() + start, Sha256Digest.LENGTH);
    return (int) c.getValue();
  }

  /**
   * Root of the pending tree: every leaf appended so far, flushed or not. Requires at least one
   * leaf. Costs {@code popcount(n) − 1} node hashes.
   */
  public Sha256Digest pendingRoot() {
    if (pendingSize == 0) {
      throw new IllegalStateException("the tree is empty");
    }
    // Fold right to left, NODE(peak, acc), in one scratch array: [peak ‖ acc] -> acc.
    int l = Long.numberOfTrailingZeros(pendingSize);
    peaks[l].copyTo(fold, Sha256Digest.LENGTH);
    for (l++; l < 64; l++) {
      if ((pendingSize >>> l & 1) == 1) {
        peaks[l].copyTo(fold, 0);
        hasher.nodeInto(fold, 0, fold, Sha256Digest.LENGTH);
      }
    }
    return Sha256Digest.of(fold, Sha256Digest.LENGTH);
  }

  /** Number of leaves appended, flushed or not. */
  public long pendingSize() {
    return pendingSize;
  }

  /** Adds {@code LEAF(alh)} as the next leaf and buffers the nodes it completes. Writer only. */
  public void append(Sha256Digest alh) {
    long n = pendingSize;
    Sha256Digest carry = hasher.leaf(alh);
    long ord = nodeCount(n);
    put(ord++, carry);
    int l = 0;
    while ((n >>> l & 1) == 1) {
      carry = hasher.node(peaks[l], carry);
      peaks[l] = null;
      l++;
      put(ord++, carry);
    }
    peaks[l] = carry;
    pendingSize = n + 1;
  }

  private void put(long ordinal, Sha256Digest d) {
    if (pending.remaining() < RECORD_LENGTH) {
      ByteBuffer bigger = ByteBuffer.allocate(pending.capacity() * 2);
      pending.flip();
      bigger.put(pending);
      pending = bigger;
    }
    int start = pending.position();
    d.writeTo(pending);
    pending.putInt(crc(ordinal, pending, start));
  }

  /** Writes buffered nodes to the log (not yet visible to readers). Writer only. */
  public void flush() throws IOException {
    pending.flip();
    if (pending.hasRemaining()) {
      log.append(pending);
    }
    pending.clear();
  }

  /**
   * Drops every leaf appended since the last {@link #publish}: restores the pending tree to the
   * published one and cuts the log back to the published nodes, also any part of a {@link #flush}
   * that failed half-way. Writer only; used to undo a commit that could not be written.
   *
   * @throws IOException if the log cannot be cut; the tree is then unusable for appends
   */
  public void discardPending() throws IOException {
    pending.clear();
    log.truncate(nodeCount(size) * RECORD_LENGTH);
    pendingSize = size;
    loadPeaks(size);
  }

  /** Makes every flushed leaf visible to readers. Writer only; call after {@link #flush}. */
  public void publish() {
    size = pendingSize;
  }

  /** The file and offset of node {@code (level, index)}, for error reports. */
  public String describeNode(int level, long index) {
    return log.describe(ordinal(level, index) * RECORD_LENGTH)
        + " (hash tree node "
        + level
        + "/"
        + index
        + ")";
  }

  /** Syncs the node log. Writer only. */
  public void sync() throws IOException {
    log.sync();
  }
}
