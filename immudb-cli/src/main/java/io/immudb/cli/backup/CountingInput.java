package io.immudb.cli.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Counts and hashes every byte read through it. Not thread-safe. */
final class CountingInput extends FilterInputStream {
  private final MessageDigest digest;
  private long position;

  CountingInput(InputStream in, MessageDigest digest) {
    super(in);
    this.digest = digest;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      digest.update((byte) b);
      position++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      position += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skipping would leave bytes unhashed");
  }

  /** Bytes read so far. */
  long position() {
    return position;
  }

  /** The digest of every byte read so far (resets the digest). */
  byte[] digest() {
    return digest.digest();
  }
}
