package io.immudb.embedded.internal.index;

import java.util.Arrays;

/**
 * The key of one version in the {@code history} column family: an order-preserving escape of the
 * stored key, a terminator, then the tx id.
 *
 * <pre>
 * historyKey(k, tx) = esc(k) ‖ 00 00 ‖ u64(tx)        esc: 00 → 00 FF, any other byte → itself
 *
 * group(k)    = esc(k) ‖ 00 00     every version of k starts with it; it is below all of them
 * groupEnd(k) = esc(k) ‖ 00 01     above every version of k, below every key after k
 * </pre>
 *
 * <p>Why it works: a token ({@code 00 FF}, {@code 00 00} or a non-zero byte) is recognised from its
 * first byte, so {@code esc(k) ‖ 00 00} parses back uniquely, and the terminator {@code 00 00}
 * sorts below every token that can follow. Hence for stored keys {@code a < b} (unsigned, a prefix
 * sorts first) every history key of {@code a} sorts below every history key of {@code b}; the
 * versions of one key sort by tx id (tx ids are in [1, 2^63), so unsigned order is numeric order);
 * and {@code k} starts with {@code p} exactly when {@code group(k)} starts with {@code esc(p)}.
 *
 * <p>Stateless and thread-safe. Malformed input throws {@link io.immudb.core.ImmuException} with
 * {@code DATA_LOSS}.
 */
final class HistoryKeyCodec {
  private static final int TX_LEN = 8;

  private HistoryKeyCodec() {}

  /**
   * Returns {@code esc(k)}: the bytes every history key of a key starting with {@code k} starts
   * with.
   */
  static byte[] escape(byte[] k) {
    return escape(k, 0, 0);
  }

  /** Returns {@code esc(k) ‖ 00 00}. */
  static byte[] group(byte[] k) {
    return escape(k, 2, 0);
  }

  /** Returns {@code esc(k) ‖ 00 01}. */
  static byte[] groupEnd(byte[] k) {
    byte[] out = escape(k, 2, 0);
    out[out.length - 1] = 1;
    return out;
  }

  /** Returns {@code esc(k) ‖ 00 00 ‖ u64(txId)}. */
  static byte[] versionKey(byte[] k, long txId) {
    byte[] out = escape(k, 2, TX_LEN);
    putTx(out, txId);
    return out;
  }

  /** The length of {@code versionKey(k, txId)}. */
  static int versionKeyLength(byte[] k) {
    return k.length + zeros(k) + 2 + TX_LEN;
  }

  /**
   * Writes {@code versionKey(k, txId)} into {@code out} at {@code off} and returns its length
   * ({@link #versionKeyLength}).
   */
  static int writeVersionKey(byte[] k, long txId, byte[] out, int off) {
    int n = off;
    for (byte b : k) {
      out[n++] = b;
      if (b == 0) {
        out[n++] = (byte) 0xFF;
      }
    }
    out[n++] = 0;
    out[n++] = 0;
    for (int i = TX_LEN - 1; i >= 0; i--) {
      out[n++] = (byte) (txId >>> (8 * i));
    }
    return n - off;
  }

  /** Returns {@code group ‖ u64(txId)} for a {@code group} made by {@link #group}. */
  static byte[] versionKeyOfGroup(byte[] group, long txId) {
    byte[] out = Arrays.copyOf(group, group.length + TX_LEN);
    putTx(out, txId);
    return out;
  }

  /** Returns the group part of a history key (everything but the tx id). */
  static byte[] groupOf(byte[] historyKey) {
    if (historyKey.length < 2 + TX_LEN) {
      throw EntryRefCodec.corrupted("history key of " + historyKey.length + " bytes");
    }
    return Arrays.copyOf(historyKey, historyKey.length - TX_LEN);
  }

  /** Returns {@code groupEnd} for a {@code group} made by {@link #group}. */
  static byte[] endOfGroup(byte[] group) {
    byte[] out = group.clone();
    out[out.length - 1] = 1;
    return out;
  }

  /** Whether {@code historyKey} is a version of the key whose group is {@code group}. */
  static boolean inGroup(byte[] historyKey, byte[] group) {
    return historyKey.length == group.length + TX_LEN
        && Arrays.equals(historyKey, 0, group.length, group, 0, group.length);
  }

  /** Returns the tx id of a history key. */
  static long txId(byte[] historyKey) {
    long v = 0;
    for (int i = historyKey.length - TX_LEN; i < historyKey.length; i++) {
      v = (v << 8) | (historyKey[i] & 0xff);
    }
    return v;
  }

  /** Returns the stored key {@code k} of a group {@code esc(k) ‖ 00 00} (or of a history key). */
  static byte[] storedKey(byte[] groupOrHistoryKey) {
    byte[] src = groupOrHistoryKey;
    byte[] out = new byte[src.length];
    int n = 0;
    for (int i = 0; i < src.length; i++) {
      if (src[i] != 0) {
        out[n++] = src[i];
      } else if (i + 1 < src.length && src[i + 1] == (byte) 0xFF) {
        out[n++] = 0;
        i++;
      } else if (i + 1 < src.length && src[i + 1] == 0) {
        return Arrays.copyOf(out, n);
      } else {
        break;
      }
    }
    throw EntryRefCodec.corrupted("history key without a valid terminator");
  }

  private static int zeros(byte[] k) {
    int zeros = 0;
    for (byte b : k) {
      if (b == 0) {
        zeros++;
      }
    }
    return zeros;
  }

  private static byte[] escape(byte[] k, int tail, int extra) {
    byte[] out = new byte[k.length + zeros(k) + tail + extra];
    int n = 0;
    for (byte b : k) {
      out[n++] = b;
      if (b == 0) {
        out[n++] = (byte) 0xFF;
      }
    }
    return out; // the tail (00 00) and the tx bytes are already zero
  }

  private static void putTx(byte[] out, long txId) {
    for (int i = 0; i < TX_LEN; i++) {
      out[out.length - 1 - i] = (byte) (txId >>> (8 * i));
    }
  }
}
