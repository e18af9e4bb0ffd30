package io.immudb.embedded.store;

import io.immudb.embedded.internal.appendable.Appendable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A test double around a real log that can be told to fail: every append or sync throws, or the
 * next append writes only half of its bytes and then throws (a short write, or a full disk). It
 * also counts the syncs that reached the real log.
 */
final class FaultyAppendable implements Appendable {
  enum Mode {
    OK,
    FAIL_APPEND,
    SHORT_WRITE,
    FAIL_SYNC,
    /** Writes half of the bytes, then fails as a full disk does (ENOSPC). */
    DISK_FULL
  }

  private final Appendable real;
  private final java.util.concurrent.atomic.AtomicInteger syncs =
      new java.util.concurrent.atomic.AtomicInteger();
  volatile Mode mode = Mode.OK;

  FaultyAppendable(Appendable real) {
    this.real = real;
  }

  /** Syncs of the real log so far. */
  int syncs() {
    return syncs.get();
  }

  @Override
  public long size() {
    return real.size();
  }

  @Override
  public long append(ByteBuffer src) throws IOException {
    switch (mode) {
      case FAIL_APPEND -> throw new IOException("injected append failure");
      case SHORT_WRITE -> {
        ByteBuffer half = src.duplicate();
        half.limit(half.position() + src.remaining() / 2);
        real.append(half);
        throw new IOException("injected short write");
      }
      case DISK_FULL -> {
        ByteBuffer half = src.duplicate();
        half.limit(half.position() + src.remaining() / 2);
        real.append(half);
        throw new IOException("No space left on device");
      }
      default -> {
        return real.append(src);
      }
    }
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    real.read(offset, dst);
  }

  @Override
  public void sync() throws IOException {
    if (mode == Mode.FAIL_SYNC) {
      throw new IOException("injected sync failure");
    }
    real.sync();
    syncs.incrementAndGet();
  }

  @Override
  public void truncate(long newSize) throws IOException {
    real.truncate(newSize);
  }

  @Override
  public String describe(long offset) {
    return real.describe(offset);
  }

  @Override
  public void close() throws IOException {
    real.close();
  }
}
