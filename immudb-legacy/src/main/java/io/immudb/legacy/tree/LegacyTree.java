package io.immudb.legacy.tree;

import io.immudb.core.ahtree.AhtNodes;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.embedded.CorruptedDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The v0.8 per-entry Merkle tree of one database on disk (spec v0.8 §1.2; layout in {@code
 * docs/design/legacy.md}): every perfect subtree as a 36-byte record in {@code nodes}, and for
 * every tx the number of leaves after it in {@code txends}, so that a leaf index maps to its tx and
 * position and back.
 *
 * <p>Leaves are appended a tx at a time ({@link #appendTx}) and become visible with {@link
 * #publish}, which writes the batch; after {@code n} leaves the node file holds {@code 2n −
 * popcount(n)} records, node {@code (h, k)} being record {@code 2(m−1) − popcount(m−1) + h} with
 * {@code m = (k+1)·2^h}, as in the engine's hash tree (docs/design/storage.md). Appending a leaf
 * costs O(log n) hashes and no reads: the right-edge peaks are kept in memory.
 *
 * <p>Derived data: never fsynced except on {@link #close}; {@link #open} cuts torn or inconsistent
 * tails (each record carries a CRC32C of its position and content) and the owner catches up from
 * the database's log.
 *
 * <p><b>Thread-safety:</b> one writer at a time (the owner serialises {@link #appendTx} / {@link
 * #publish}); readers may call {@link #size}, {@link #txCount}, {@link #node}, {@link #txEnd} and
 * {@link #locate} concurrently with the writer: they see only published state.
 */
public final class LegacyTree implements AhtNodes, AutoCloseable {
  static final int NODE_RECORD = Sha256Digest.LENGTH + 4;
  static final int TXEND_RECORD = 8 + 4;
  private static final int MAX_PENDING = 4 << 20;

  private final Path dir;
  private final FileChannel nodes;
  private final FileChannel txEnds;
  private final Sha256Hasher hasher = Sha256Hasher.create();
  private final Sha256Digest[] peaks = new Sha256Digest[64];
  private volatile Published published;
  // Writer state, ahead of `published` until publish().
  private long leaves;
  private long txs;
  private ByteBuffer pendingNodes = ByteBuffer.allocate(64 * 1024);
  private ByteBuffer pendingTxEnds = ByteBuffer.allocate(16 * 1024);
  private boolean closed;

  private record Published(long leaves, long txs) {}

  private LegacyTree(Path dir, FileChannel nodes, FileChannel txEnds) {
    this.dir = dir;
    this.nodes = nodes;
    this.txEnds = txEnds;
  }

  /**
   * Opens (or creates) the tree in {@code dir}, keeping the longest consistent prefix of what is
   * there: whole records with good checksums, tx ends that never decrease, and exactly the node
   * records of the last whole tx.
   */
  public static LegacyTree open(Path dir) throws IOException {
    Files.createDirectories(dir);
    FileChannel n =
        FileChannel.open(
            dir.resolve("nodes"),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    FileChannel t;
    try {
      t =
          FileChannel.open(
              dir.resolve("txends"),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
    } catch (IOException e) {
      n.close();
      throw e;
    }
    LegacyTree tree = new LegacyTree(dir, n, t);
    try {
      tree.recover();
    } catch (IOException | RuntimeException e) {
      tree.close();
      throw e;
    }
    return tree;
  }

  private void recover() throws IOException {
    long records = nodes.size() / NODE_RECORD;
    // The largest n whose 2n - popcount(n) records are present and pass their checksums.
    long n = leavesFitting(records);
    while (n > 0 && !recordOk(recordsFor(n) - 1)) {
      n--;
    }
    long t = txEnds.size() / TXEND_RECORD;
    long prevEnd = 0;
    long goodTxs = 0;
    ByteBuffer buf = ByteBuffer.allocate(TXEND_RECORD * 4096);
    scan:
    while (goodTxs < t) {
      buf.clear();
      int read = readFully(txEnds, buf, goodTxs * TXEND_RECORD);
      if (read < TXEND_RECORD) {
        break;
      }
      for (int r = 0; r + TXEND_RECORD <= read; r += TXEND_RECORD) {
        long end = buf.getLong(r);
        if (buf.getInt(r + 8) != txEndCrc(goodTxs + 1, end) || end < prevEnd || end > n) {
          break scan;
        }
        prevEnd = end;
        goodTxs++;
      }
    }
    truncateTo(goodTxs, prevEnd);
  }

  /** Cuts both files to {@code txCount} txs and {@code leafCount} leaves, and reloads the peaks. */
  private void truncateTo(long txCount, long leafCount) throws IOException {
    nodes.truncate(recordsFor(leafCount) * NODE_RECORD);
    txEnds.truncate(txCount * TXEND_RECORD);
    leaves = leafCount;
    txs = txCount;
    java.util.Arrays.fill(peaks, null);
    long off = 0;
    for (int h = 63; h >= 0; h--) {
      if ((leafCount & (1L << h)) != 0) {
        peaks[h] = readNode(h, off >>> h);
        off += 1L << h;
      }
    }
    published = new Published(leaves, txs);
  }

  /** Forgets every tx after the first {@code txCount}. Requires {@code txCount ≤ txCount()}. */
  public synchronized void rollBackTo(long txCount) throws IOException {
    checkOpen();
    if (txCount < 0 || txCount > txs) {
      throw new IllegalArgumentException("cannot roll back to " + txCount + " of " + txs);
    }
    pendingNodes.clear();
    pendingTxEnds.clear();
    truncateTo(txCount, txCount == 0 ? 0 : txEnd(txCount));
  }

  /**
   * Forgets what was appended since the last {@link #publish} (after a failed catch-up), so that
   * the writer's view is the published one again.
   */
  public synchronized void discardPending() throws IOException {
    checkOpen();
    pendingNodes.clear();
    pendingTxEnds.clear();
    Published p = published;
    truncateTo(p.txs(), p.leaves());
  }

  /**
   * Appends the leaves of the next tx (id {@code txCount()+1} of the writer's view), in entry
   * order. Visible to readers after {@link #publish}.
   */
  public void appendTx(Sha256Digest[] leafHashes) throws IOException {
    checkOpen();
    for (Sha256Digest leaf : leafHashes) {
      appendLeaf(leaf);
    }
    txs++;
    ensureRoom(TXEND_RECORD, false);
    pendingTxEnds.putLong(leaves).putInt(txEndCrc(txs, leaves));
    if (pendingNodes.position() >= MAX_PENDING) {
      publish();
    }
  }

  private void appendLeaf(Sha256Digest leaf) {
    long recordNo = recordsFor(leaves);
    putNode(recordNo++, leaf);
    Sha256Digest carry = leaf;
    int h = 0;
    while ((leaves & (1L << h)) != 0) {
      carry = hasher.node(peaks[h], carry);
      peaks[h] = null;
      h++;
      putNode(recordNo++, carry);
    }
    peaks[h] = carry;
    leaves++;
  }

  private void putNode(long recordNo, Sha256Digest hash) {
    ensureRoom(NODE_RECORD, true);
    byte[] b = hash.toByteArray();
    pendingNodes.put(b).putInt(nodeCrc(recordNo, b));
  }

  private void ensureRoom(int bytes, boolean forNodes) {
    ByteBuffer b = forNodes ? pendingNodes : pendingTxEnds;
    if (b.remaining() < bytes) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + bytes));
      b.flip();
      bigger.put(b);
      if (forNodes) {
        pendingNodes = bigger;
      } else {
        pendingTxEnds = bigger;
      }
    }
  }

  /** Writes the appended txs and makes them visible to readers. */
  public void publish() throws IOException {
    checkOpen();
    long nodeOff = recordsFor(published.leaves()) * NODE_RECORD;
    long txOff = published.txs() * TXEND_RECORD;
    pendingNodes.flip();
    writeFully(nodes, pendingNodes, nodeOff);
    pendingNodes.clear();
    pendingTxEnds.flip();
    writeFully(txEnds, pendingTxEnds, txOff);
    pendingTxEnds.clear();
    published = new Published(leaves, txs);
  }

  /** Published number of leaves. */
  @Override
  public long size() {
    return published.leaves();
  }

  /** Published number of txs. */
  public long txCount() {
    return published.txs();
  }

  /** Published leaves and txs, read together. */
  public long[] sizeAndTxs() {
    Published p = published;
    return new long[] {p.leaves(), p.txs()};
  }

  @Override
  public Sha256Digest node(int level, long index) {
    long m = (index + 1) << level;
    if (level < 0 || level > 62 || index < 0 || m > published.leaves() || m <= 0) {
      throw new IllegalArgumentException(
          "no complete node (" + level + ", " + index + ") in " + published.leaves() + " leaves");
    }
    try {
      return readNode(level, index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored leaf hash at 0-based {@code index}. */
  public Sha256Digest leaf(long index) {
    return node(0, index);
  }

  private Sha256Digest readNode(int level, long index) throws IOException {
    long m = (index + 1) << level;
    long recordNo = recordsFor(m - 1) + level;
    ByteBuffer buf = ByteBuffer.allocate(NODE_RECORD);
    long off = recordNo * NODE_RECORD;
    if (readFully(nodes, buf, off) != NODE_RECORD) {
      throw new CorruptedDataException(dir.resolve("nodes") + "@" + off, "short node record");
    }
    byte[] h = new byte[Sha256Digest.LENGTH];
    buf.get(0, h);
    if (buf.getInt(Sha256Digest.LENGTH) != nodeCrc(recordNo, h)) {
      throw new CorruptedDataException(dir.resolve("nodes") + "@" + off, "node checksum mismatch");
    }
    return Sha256Digest.of(h);
  }

  private boolean recordOk(long recordNo) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(NODE_RECORD);
    if (readFully(nodes, buf, recordNo * NODE_RECORD) != NODE_RECORD) {
      return false;
    }
    byte[] h = new byte[Sha256Digest.LENGTH];
    buf.get(0, h);
    return buf.getInt(Sha256Digest.LENGTH) == nodeCrc(recordNo, h);
  }

  /** Leaves after tx {@code txId} (1-based). Requires {@code 0 ≤ txId ≤ txCount()}. */
  public long txEnd(long txId) {
    if (txId < 0 || txId > published.txs()) {
      throw new IllegalArgumentException("tx " + txId + " is not in the tree");
    }
    if (txId == 0) {
      return 0;
    }
    ByteBuffer buf = ByteBuffer.allocate(TXEND_RECORD);
    long off = (txId - 1) * TXEND_RECORD;
    try {
      if (readFully(txEnds, buf, off) != TXEND_RECORD) {
        throw new CorruptedDataException(dir.resolve("txends") + "@" + off, "short record");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long end = buf.getLong(0);
    if (buf.getInt(8) != txEndCrc(txId, end)) {
      throw new CorruptedDataException(dir.resolve("txends") + "@" + off, "checksum mismatch");
    }
    return end;
  }

  /**
   * The tx holding leaf {@code index}: the least {@code t} with {@code txEnd(t) > index}. Requires
   * {@code 0 ≤ index < size()}. O(log txs) reads.
   */
  public long locate(long index) {
    Published p = published;
    if (index < 0 || index >= p.leaves()) {
      throw new IllegalArgumentException("index " + index + " is not in the tree");
    }
    long lo = 1;
    long hi = p.txs();
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (txEnd(mid) > index) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The directory of the tree's files. */
  public Path dir() {
    return dir;
  }

  /** Number of node records after {@code n} leaves: {@code 2n − popcount(n)}. */
  static long recordsFor(long n) {
    return 2 * n - Long.bitCount(n);
  }

  /** The largest {@code n} with {@code recordsFor(n) ≤ records}. */
  static long leavesFitting(long records) {
    long lo = 0;
    long hi = records;
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      if (recordsFor(mid) <= records) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static int nodeCrc(long recordNo, byte[] hash) {
    CRC32C c = new CRC32C();
    c.update(ByteBuffer.allocate(8).putLong(0, recordNo));
    c.update(hash);
    return (int) c.getValue();
  }

  private static int txEndCrc(long txId, long end) {
    CRC32C c = new CRC32C();
    c.update(ByteBuffer.allocate(16).putLong(0, txId).putLong(8, end));
    return (int) c.getValue();
  }

  private static int readFully(FileChannel ch, ByteBuffer buf, long off) throws IOException {
    int total = 0;
    while (buf.hasRemaining()) {
      int r = ch.read(buf, off + total);
      if (r < 0) {
        break;
      }
      total += r;
    }
    return total;
  }

  private static void writeFully(FileChannel ch, ByteBuffer buf, long off) throws IOException {
    long pos = off;
    while (buf.hasRemaining()) {
      pos += ch.write(buf, pos);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("legacy tree " + dir + " is closed");
    }
  }

  /** Writes what is pending, forces both files to disk and closes them. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (published != null) {
        publish();
        nodes.force(true);
        txEnds.force(true);
      }
    } finally {
      closed = true;
      try {
        nodes.close();
      } finally {
        txEnds.close();
      }
    }
  }
}
