package io.immudb.server.db;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * The server's identifier: 12 bytes shown as a 20-character xid-style string, lowercase base32hex
 * (alphabet {@code 0-9a-v}), as sent in the {@code immudb-uuid} header (spec v1 §9.2). Bytes 0–3
 * are the creation time in Unix seconds (big-endian), bytes 4–11 are random. Stateless and
 * thread-safe.
 */
final class ServerIdentity {
  static final int LENGTH = 12;
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

  private ServerIdentity() {}

  /** Fresh identifier bytes for a server created at {@code now}. */
  static byte[] generate(Instant now, SecureRandom random) {
    byte[] id = new byte[LENGTH];
    random.nextBytes(id);
    long secs = now.getEpochSecond();
    id[0] = (byte) (secs >>> 24);
    id[1] = (byte) (secs >>> 16);
    id[2] = (byte) (secs >>> 8);
    id[3] = (byte) secs;
    return id;
  }

  /**
   * Base32hex of {@code id}, most significant bit first, without padding: 96 bits give 19 full
   * 5-bit groups and a last group holding 1 bit followed by 4 zero bits, 20 characters in all.
   */
  static String encode(byte[] id) {
    if (id.length != LENGTH) {
      throw new IllegalArgumentException("identifier must be 12 bytes, got " + id.length);
    }
    StringBuilder sb = new StringBuilder(20);
    int buffer = 0;
    int bits = 0;
    for (byte b : id) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return sb.toString();
  }
}
