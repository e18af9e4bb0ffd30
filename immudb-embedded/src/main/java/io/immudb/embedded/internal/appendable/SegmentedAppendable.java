package io.immudb.embedded.internal.appendable;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An {@link Appendable} stored as a directory of fixed-size segment files.
 *
 * <p>Segment {@code i} is the file {@code NNNNNNNN.seg} (eight decimal digits) and holds logical
 * offsets {@code [i·segmentSize, (i+1)·segmentSize)}, so locating an offset is a division; a write
 * or a read that crosses a segment boundary is split. Only the last segment may be shorter than
 * {@code segmentSize}; a gap (a missing or short middle segment) is reported as corruption when the
 * log is opened.
 *
 * <p>Reads come from read-only memory mappings of 8 MiB windows below the size where possible (see
 * {@code readMapped}); the newest bytes and reads across windows use positional I/O.
 *
 * <p>Thread-safety: as {@link Appendable} requires. Reads use positional I/O on shared channels and
 * take no lock; the segment table is published through a volatile field.
 */
public final class SegmentedAppendable implements Appendable {
  private static final Pattern SEGMENT_NAME = Pattern.compile("(\\d{8})\\.seg");

  /** Size of the memory-mapped read windows; only windows wholly below the size are mapped. */
  static final long MAP_CHUNK = 8L << 20;

  /** Least growth of the mapped part of the last window that is worth a new mapping. */
  static final long REMAP_STEP = 1L << 20;

  /** Largest buffer of zeros a log keeps for preallocation; bigger steps write it repeatedly. */
  private static final int MAX_ZEROS_BUFFER = 1 << 20;

  private final Path dir;
  private final long segmentSize;
  private final java.util.concurrent.ConcurrentHashMap<Long, Window> mapped =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile FileChannel[] segments;
  private volatile long size;

  /** Sizes the zeros kept beyond the end; null: none are kept. */
  private final PreallocationPolicy preallocation;

  /** Logical offset up to which the last segment physically exists (zeros beyond {@code size}). */
  private long physicalEnd;

  private ByteBuffer zeros;
  private int firstUnsynced;
  private boolean closed;

  private SegmentedAppendable(
      Path dir,
      long segmentSize,
      FileChannel[] segments,
      long size,
      PreallocationPolicy preallocation) {
    this.dir = dir;
    this.segmentSize = segmentSize;
    this.segments = segments;
    this.size = size;
    this.physicalEnd = size;
    this.preallocation = preallocation;
    this.firstUnsynced = Math.max(0, segments.length - 1);
  }

  /**
   * Opens (creating if needed) the log in {@code dir}. Requires {@code segmentSize ≥ 1}.
   *
   * @throws IOException if a middle segment is missing or shorter than {@code segmentSize}
   */
  public static SegmentedAppendable open(Path dir, long segmentSize) throws IOException {
    return open(dir, segmentSize, null);
  }

  /**
   * As {@link #open(Path, long)}, and keeps zero bytes written beyond the end of the last segment
   * (up to its end), added in steps that follow the write rate ({@link PreallocationPolicy}), each
   * at most {@code preallocate} bytes (0: none are kept). Syncing writes into space that is already
   * allocated and written needs no file-system metadata update, which makes each sync of a growing
   * log much cheaper.
   *
   * <p>After a crash the zeros are part of the size until the caller cuts them ({@link #truncate});
   * a clean {@link #close} trims them. The store uses this only for logs whose committed end it
   * learns from elsewhere (the value and tx logs, whose end the commit log gives).
   */
  public static SegmentedAppendable open(Path dir, long segmentSize, long preallocate)
      throws IOException {
    if (preallocate < 0) {
      throw new IllegalArgumentException("preallocate must be >= 0, got " + preallocate);
    }
    return open(
        dir,
        segmentSize,
        preallocate == 0 ? null : new PreallocationPolicy(preallocate, System::nanoTime));
  }

  /**
   * As {@link #open(Path, long, long)} with the steps chosen by {@code preallocation} (or none).
   */
  static SegmentedAppendable open(Path dir, long segmentSize, PreallocationPolicy preallocation)
      throws IOException {
    if (segmentSize < 1) {
      throw new IllegalArgumentException("segmentSize must be >= 1, got " + segmentSize);
    }
    Files.createDirectories(dir);
    List<Integer> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          p -> {
            Matcher m = SEGMENT_NAME.matcher(p.getFileName().toString());
            if (m.matches()) {
              ids.add(Integer.parseInt(m.group(1)));
            }
          });
    }
    ids.sort(null);
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) != i) {
        throw new IOException("segment " + segmentName(i) + " is missing in " + dir);
      }
    }
    FileChannel[] channels = new FileChannel[ids.size()];
    long size = 0;
    try {
      for (int i = 0; i < channels.length; i++) {
        channels[i] = openChannel(dir.resolve(segmentName(i)));
        long len = channels[i].size();
        if (i < channels.length - 1 && len != segmentSize) {
          throw new IOException(
              "segment "
                  + dir.resolve(segmentName(i))
                  + " has "
                  + len
                  + " bytes, expected "
                  + segmentSize);
        }
        if (len > segmentSize) {
          throw new IOException(
              "segment "
                  + dir.resolve(segmentName(i))
                  + " is longer than the segment size "
                  + segmentSize);
        }
        size = (long) i * segmentSize + len;
      }
    } catch (IOException | RuntimeException e) {
      for (FileChannel c : channels) {
        if (c != null) {
          c.close();
        }
      }
      throw e;
    }
    return new SegmentedAppendable(dir, segmentSize, channels, size, preallocation);
  }

  private static FileChannel openChannel(Path p) throws IOException {
    return FileChannel.open(
        p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static String segmentName(int i) {
    return String.format("%08d.seg", i);
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public long append(ByteBuffer src) throws IOException {
    ensureOpen();
    long start = size;
    long pos = start;
    while (src.hasRemaining()) {
      int seg = segmentIndex(pos);
      FileChannel ch = segmentForWrite(seg);
      long inSeg = pos - (long) seg * segmentSize;
      int n = (int) Math.min(src.remaining(), segmentSize - inSeg);
      int limit = src.limit();
      src.limit(src.position() + n);
      try {
        while (src.hasRemaining()) {
          ch.write(src, inSeg + (n - src.remaining()));
        }
      } finally {
        src.limit(limit);
      }
      pos += n;
    }
    size = pos;
    if (pos > physicalEnd) {
      physicalEnd = pos;
      if (preallocation != null) {
        preallocate(pos);
      }
    }
    return start;
  }

  /**
   * Writes one step of zeros after {@code end}, within its segment. The zeros are written, not
   * reserved (with fallocate or a sparse extension): a write into a reserved but unwritten extent
   * still changes metadata (the extent becomes written) at the next sync.
   */
  private void preallocate(long end) throws IOException {
    long inSeg = end % segmentSize;
    if (inSeg == 0) {
      return;
    }
    int seg = segmentIndex(end);
    long target = Math.min(segmentSize, inSeg + preallocation.nextStep());
    FileChannel ch = segments[seg];
    long at = inSeg;
    int want = (int) Math.min(MAX_ZEROS_BUFFER, target - at);
    if (zeros == null || zeros.capacity() < want) {
      zeros = ByteBuffer.allocateDirect(want);
    }
    while (at < target) {
      ByteBuffer z = zeros.clear().limit((int) Math.min(zeros.capacity(), target - at));
      while (z.hasRemaining()) {
        at += ch.write(z, at);
      }
    }
    physicalEnd = (long) seg * segmentSize + target;
  }

  private FileChannel segmentForWrite(int seg) throws IOException {
    FileChannel[] segs = segments;
    if (seg < segs.length) {
      return segs[seg];
    }
    if (seg != segs.length) {
      throw new IllegalStateException("segment " + seg + " skipped; have " + segs.length);
    }
    FileChannel[] grown = java.util.Arrays.copyOf(segs, seg + 1);
    grown[seg] = openChannel(dir.resolve(segmentName(seg)));
    segments = grown;
    return grown[seg];
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    if (offset < 0 || offset + dst.remaining() > size) {
      throw new EOFException(
          "read of "
              + dst.remaining()
              + " bytes at "
              + offset
              + " beyond the end ("
              + size
              + ") of "
              + dir);
    }
    if (dst.hasArray() && readMapped(offset, dst)) {
      return;
    }
    readChannel(offset, dst);
  }

  @Override
  public ByteBuffer mappedView(long offset, int len) throws IOException {
    if (offset < 0 || len < 0 || offset + len > size) {
      throw new EOFException(
          "view of " + len + " bytes at " + offset + " beyond the end (" + size + ") of " + dir);
    }
    Window w = window(offset, len);
    return w == null ? null : w.buf.slice((int) (offset % MAP_CHUNK), len);
  }

  /**
   * Serves a read from a read-only memory mapping of its 8 MiB window, mapping the window (or the
   * part of it below the size) on first use. Bytes below the size never change, so a mapping stays
   * valid; the window at the end of the log is remapped as the log grows, but only in steps of at
   * least {@link #REMAP_STEP}, so the newest bytes are read through the channel. Returns false when
   * the read must go through the channel.
   */
  private boolean readMapped(long offset, ByteBuffer dst) throws IOException {
    int len = dst.remaining();
    Window w = window(offset, len);
    if (w == null) {
      return false;
    }
    long chunkStart = offset / MAP_CHUNK * MAP_CHUNK;
    w.buf.get((int) (offset - chunkStart), dst.array(), dst.arrayOffset() + dst.position(), len);
    dst.position(dst.position() + len);
    return true;
  }

  /**
   * The mapped window holding all of {@code [offset, offset+len)} (the range checked against the
   * size by the caller), mapping it first if needed; null when the range must be read through the
   * channel.
   */
  private Window window(long offset, int len) throws IOException {
    long chunk = offset / MAP_CHUNK;
    long chunkStart = chunk * MAP_CHUNK;
    long chunkEnd = chunkStart + MAP_CHUNK;
    int seg = segmentIndex(chunkStart);
    if (offset + len > chunkEnd || segmentIndex(chunkEnd - 1) != seg) {
      return null;
    }
    Window w = mapped.get(chunk);
    if (w == null || offset + len > chunkStart + w.length) {
      long avail = Math.min(chunkEnd, size) - chunkStart;
      long mappedLen = w == null ? 0 : w.length;
      if (offset + len > chunkStart + avail
          || (avail < MAP_CHUNK && avail - mappedLen < REMAP_STEP)) {
        return null;
      }
      // Never map past the file's end: mapping a writable channel beyond it would grow the file.
      MappedByteBuffer m =
          segments[seg].map(
              FileChannel.MapMode.READ_ONLY, chunkStart - (long) seg * segmentSize, avail);
      Window fresh = new Window(m, avail);
      w = mapped.merge(chunk, fresh, (a, b) -> a.length >= b.length ? a : b);
    }
    return w;
  }

  /** A read-only mapping of the first {@code length} bytes of a window. */
  private record Window(MappedByteBuffer buf, long length) {}

  /** Positional read; the caller has checked the range. */
  private void readChannel(long offset, ByteBuffer dst) throws IOException {
    FileChannel[] segs = segments;
    long pos = offset;
    while (dst.hasRemaining()) {
      int seg = segmentIndex(pos);
      long inSeg = pos - (long) seg * segmentSize;
      int n = (int) Math.min(dst.remaining(), segmentSize - inSeg);
      int limit = dst.limit();
      dst.limit(dst.position() + n);
      try {
        while (dst.hasRemaining()) {
          int r = segs[seg].read(dst, inSeg + (n - dst.remaining()));
          if (r < 0) {
            throw new EOFException("unexpected end of " + describe(pos));
          }
        }
      } finally {
        dst.limit(limit);
      }
      pos += n;
    }
  }

  @Override
  public void sync() throws IOException {
    ensureOpen();
    FileChannel[] segs = segments;
    for (int i = firstUnsynced; i < segs.length; i++) {
      segs[i].force(false);
    }
    firstUnsynced = Math.max(0, segs.length - 1);
  }

  @Override
  public void truncate(long newSize) throws IOException {
    ensureOpen();
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException(
          "cannot truncate " + dir + " of size " + size + " to " + newSize);
    }
    FileChannel[] segs = segments;
    int keep = newSize == 0 ? 0 : segmentIndex(newSize - 1) + 1;
    for (int i = segs.length - 1; i >= keep; i--) {
      segs[i].close();
      Files.deleteIfExists(dir.resolve(segmentName(i)));
    }
    mapped.entrySet().removeIf(e -> e.getKey() * MAP_CHUNK + e.getValue().length > newSize);
    FileChannel[] kept = java.util.Arrays.copyOf(segs, keep);
    if (keep > 0) {
      FileChannel last = kept[keep - 1];
      last.truncate(newSize - (long) (keep - 1) * segmentSize);
      last.force(true);
    }
    segments = kept;
    size = newSize;
    physicalEnd = newSize;
    firstUnsynced = Math.max(0, keep - 1);
    fsyncDirectory();
  }

  private void fsyncDirectory() throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open a directory for fsync; the data files are synced anyway.
    }
  }

  @Override
  public String describe(long offset) {
    int seg = segmentIndex(Math.max(0, offset));
    return dir.resolve(segmentName(seg)) + " at offset " + (offset - (long) seg * segmentSize);
  }

  private int segmentIndex(long offset) {
    return Math.toIntExact(offset / segmentSize);
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException(dir + " is closed");
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    if (physicalEnd > size && size > 0) {
      // Trim preallocated zeros, so a cleanly closed log is exactly its data.
      int seg = segmentIndex(size - 1);
      FileChannel[] segs = segments;
      if (seg < segs.length) {
        segs[seg].truncate(size - (long) seg * segmentSize);
        segs[seg].force(true);
      }
    }
    closed = true;
    mapped.clear();
    IOException first = null;
    for (FileChannel c : segments) {
      try {
        c.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
