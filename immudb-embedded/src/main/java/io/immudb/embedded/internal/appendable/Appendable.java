package io.immudb.embedded.internal.appendable;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An append-only byte log addressed by logical offset: the storage primitive under every log of the
 * engine (values, transactions, commit log, hash tree).
 *
 * <p>Writes only ever go at the end. Bytes below {@link #size()} never change except through {@link
 * #truncate}, which recovery uses to cut a torn tail. Implementations MUST make {@link #read} safe
 * to call from any thread concurrently with one appending thread, for offsets below a size that the
 * caller has observed; {@link #append}, {@link #sync} and {@link #truncate} MUST be called by one
 * thread at a time.
 *
 * <p>{@link SegmentedAppendable} is the real implementation; tests wrap it to inject failures.
 */
public interface Appendable extends AutoCloseable {
  /** Logical size: the offset the next {@link #append} writes at. */
  long size();

  /**
   * Appends all remaining bytes of {@code src} and returns the offset they were written at. After a
   * failure the log's size is unspecified until {@link #truncate} is called.
   */
  long append(ByteBuffer src) throws IOException;

  /**
   * Reads exactly {@code dst.remaining()} bytes at {@code offset}. Requires {@code offset +
   * dst.remaining() ≤ size()}; throws {@link java.io.EOFException} otherwise.
   */
  void read(long offset, ByteBuffer dst) throws IOException;

  /**
   * A read-only view of the {@code len} bytes at {@code offset}, straight from a memory mapping
   * (position 0, limit {@code len}), or null when they are not in one: then {@link #read} them. It
   * saves the copy for a reader that only decodes the bytes. The view MUST NOT be used after the
   * log is truncated below {@code offset + len} or closed. Requires {@code offset + len ≤ size()};
   * throws {@link java.io.EOFException} otherwise. The default maps nothing.
   */
  default ByteBuffer mappedView(long offset, int len) throws IOException {
    if (offset < 0 || len < 0 || offset + len > size()) {
      throw new java.io.EOFException("view of " + len + " bytes at " + offset + " beyond the end");
    }
    return null;
  }

  /** Makes every appended byte durable (fdatasync of every file written since the last sync). */
  void sync() throws IOException;

  /** Cuts the log to {@code newSize ≤ size()} bytes, durably. */
  void truncate(long newSize) throws IOException;

  /** Human-readable location of {@code offset}: the file that holds it and the offset inside it. */
  String describe(long offset);

  /** Closes all files. Idempotent. */
  @Override
  void close() throws IOException;
}
