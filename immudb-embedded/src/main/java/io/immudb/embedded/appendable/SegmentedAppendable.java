package io.immudb.embedded.appendable;

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
 * <p>Reads of complete 8 MiB windows below the size come from read-only memory mappings; other
 * reads use positional I/O.
 *
 * <p>Thread-safety: as {@link Appendable} requires. Reads use positional I/O on shared channels and
 * take no lock; the segment table is published through a volatile field.
 */
public final class SegmentedAppendable implements Appendable {
  private static final Pattern SEGMENT_NAME = Pattern.compile("(\\d{8})\\.seg");

  /** Size of the memory-mapped read windows; only windows wholly below the size are mapped. */
  static final long MAP_CHUNK = 8L << 20;

  private final Path dir;
  private final long segmentSize;
  private final java.util.concurrent.ConcurrentHashMap<Long, MappedByteBuffer> mapped =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile FileChannel[] segments;
  private volatile long size;
  private int firstUnsynced;
  private boolean closed;

  private SegmentedAppendable(Path dir, long segmentSize, FileChannel[] segments, long size) {
    this.dir = dir;
    this.segmentSize = segmentSize;
    this.segments = segments;
    this.size = size;
    this.firstUnsynced = Math.max(0, segments.length - 1);
  }

  /**
   * Opens (creating if needed) the log in {@code dir}. Requires {@code segmentSize ≥ 1}.
   *
   * @throws IOException if a middle segment is missing or shorter than {@code segmentSize}
   */
  public static SegmentedAppendable open(Path dir, long segmentSize) throws IOException {
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
    return new SegmentedAppendable(dir, segmentSize, channels, size);
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
    return start;
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

  /**
   * Serves a read that lies inside one complete chunk from a read-only memory mapping of that
   * chunk: bytes below the size never change, so a chunk wholly below it can be mapped once and
   * read without a system call. Returns false when the read must go through the channel.
   */
  private boolean readMapped(long offset, ByteBuffer dst) throws IOException {
    int len = dst.remaining();
    long chunk = offset / MAP_CHUNK;
    long chunkStart = chunk * MAP_CHUNK;
    if (offset + len > chunkStart + MAP_CHUNK || chunkStart + MAP_CHUNK > size) {
      return false;
    }
    int seg = segmentIndex(chunkStart);
    if (segmentIndex(chunkStart + MAP_CHUNK - 1) != seg) {
      return false;
    }
    MappedByteBuffer m = mapped.get(chunk);
    if (m == null) {
      FileChannel[] segs = segments;
      m =
          segs[seg].map(
              FileChannel.MapMode.READ_ONLY, chunkStart - (long) seg * segmentSize, MAP_CHUNK);
      MappedByteBuffer raced = mapped.putIfAbsent(chunk, m);
      if (raced != null) {
        m = raced;
      }
    }
    m.get((int) (offset - chunkStart), dst.array(), dst.arrayOffset() + dst.position(), len);
    dst.position(dst.position() + len);
    return true;
  }

  private void readChannel(long offset, ByteBuffer dst) throws IOException {
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
    mapped.keySet().removeIf(chunk -> (chunk + 1) * MAP_CHUNK > newSize);
    FileChannel[] kept = java.util.Arrays.copyOf(segs, keep);
    if (keep > 0) {
      FileChannel last = kept[keep - 1];
      last.truncate(newSize - (long) (keep - 1) * segmentSize);
      last.force(true);
    }
    segments = kept;
    size = newSize;
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
