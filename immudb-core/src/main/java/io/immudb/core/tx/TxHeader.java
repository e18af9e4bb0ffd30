package io.immudb.core.tx;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import java.util.Objects;

/**
 * The header of a committed transaction ({@code TxMetadata} on the wire, spec v1 §5.1).
 *
 * <p>Thread-safe (immutable). Invariants: {@code id ≥ 1}, {@code 0 ≤ blTxId < id}, {@code nEntries
 * ≥ 1}, and {@code blRoot = Z32} when {@code blTxId = 0}.
 *
 * @param id transaction id, 1-based
 * @param prevAlh Alh of tx {@code id − 1}; {@link Sha256Digest#EMPTY} for tx 1
 * @param ts commit time in Unix seconds
 * @param nEntries number of entries
 * @param eh root of the transaction's entry tree (spec v1 §4)
 * @param blTxId number of AHT leaves covered by {@code blRoot}
 * @param blRoot AHT root over leaves {@code 1..blTxId}
 */
public record TxHeader(
    long id,
    Sha256Digest prevAlh,
    long ts,
    int nEntries,
    Sha256Digest eh,
    long blTxId,
    Sha256Digest blRoot) {

  /** Length of the inner-hash preimage (spec v1 §5.2). */
  public static final int INNER_PREIMAGE_LENGTH = 84;

  /** Length of the Alh preimage (spec v1 §5.3). */
  public static final int ALH_PREIMAGE_LENGTH = 72;

  public TxHeader {
    Objects.requireNonNull(prevAlh, "prevAlh");
    Objects.requireNonNull(eh, "eh");
    Objects.requireNonNull(blRoot, "blRoot");
    if (id < 1) {
      throw new IllegalArgumentException("tx id must be >= 1, got " + id);
    }
    if (blTxId < 0 || blTxId >= id) {
      throw new IllegalArgumentException(
          "blTxId must satisfy 0 <= blTxId < id, got blTxId=" + blTxId + " id=" + id);
    }
    if (nEntries < 1) {
      throw new IllegalArgumentException("a transaction has at least one entry, got " + nEntries);
    }
  }

  /** {@code H(u64(ts) ‖ u32(nEntries) ‖ eH ‖ u64(blTxId) ‖ blRoot)} (spec v1 §5.2). */
  public Sha256Digest innerHash() {
    return innerHash(Sha256Hasher.create());
  }

  /** As {@link #innerHash()}, reusing the caller's hasher. */
  public Sha256Digest innerHash(Sha256Hasher hasher) {
    byte[] b = new byte[INNER_PREIMAGE_LENGTH];
    putLong(b, 0, ts);
    putInt(b, 8, nEntries);
    eh.copyTo(b, 12);
    putLong(b, 44, blTxId);
    blRoot.copyTo(b, 52);
    return hasher.hash(b);
  }

  /** The accumulated linear hash {@code H(u64(id) ‖ prevAlh ‖ innerHash)} (spec v1 §5.3). */
  public Sha256Digest alh() {
    return alh(Sha256Hasher.create());
  }

  /** As {@link #alh()}, reusing the caller's hasher. */
  public Sha256Digest alh(Sha256Hasher hasher) {
    return alhOf(hasher, id, prevAlh, innerHash(hasher));
  }

  /** {@code H(u64(id) ‖ prevAlh ‖ innerHash)} for the given parts (spec v1 §5.3). */
  public static Sha256Digest alhOf(
      Sha256Hasher hasher, long id, Sha256Digest prevAlh, Sha256Digest innerHash) {
    byte[] b = new byte[ALH_PREIMAGE_LENGTH];
    putLong(b, 0, id);
    prevAlh.copyTo(b, 8);
    innerHash.copyTo(b, 40);
    return hasher.hash(b);
  }

  private static void putLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  private static void putInt(byte[] b, int off, int v) {
    for (int i = 3; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }
}
