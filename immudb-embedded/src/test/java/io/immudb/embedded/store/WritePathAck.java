package io.immudb.embedded.store;

import io.immudb.core.crypto.Sha256Digest;

/**
 * One acknowledged commit of {@link WritePathKillChildMain}: the tx of {@link
 * WritePathWorkload#entries(long) entries(seed)} got id {@code txId} and Alh {@code alh}, through
 * {@code commitAsync} if {@code async}, else {@code commit}.
 *
 * <p>As a line: {@code ack TXID ALHHEX SEEDHEX a|c}.
 */
record WritePathAck(long txId, Sha256Digest alh, long seed, boolean async) {

  String line() {
    return "ack " + txId + " " + alh.toHex() + " " + Long.toHexString(seed) + (async ? " a" : " c");
  }

  /**
   * Parses {@link #line()}.
   *
   * @throws IllegalArgumentException if {@code line} is not an ack line
   */
  static WritePathAck parse(String line) {
    String[] f = line.split(" ", -1);
    if (f.length != 5 || !f[0].equals("ack") || !(f[4].equals("a") || f[4].equals("c"))) {
      throw new IllegalArgumentException("not an ack line: '" + line + "'");
    }
    return new WritePathAck(
        Long.parseLong(f[1]),
        Sha256Digest.fromHex(f[2]),
        Long.parseUnsignedLong(f[3], 16),
        f[4].equals("a"));
  }
}
