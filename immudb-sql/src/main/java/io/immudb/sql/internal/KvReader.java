package io.immudb.sql.internal;

import java.util.Iterator;

/**
 * Reads stored keys of the SQL namespace at one point of view: a past or current tx ({@link
 * ViewReader}) or a transaction in progress that sees its own writes ({@link WriteTx}). Not
 * thread-safe.
 */
interface KvReader {
  /** The latest visible version of {@code key} (its value possibly a tombstone), or null. */
  Kv get(byte[] key);

  /**
   * The visible keys starting with {@code prefix}, each with its latest value, in unsigned byte
   * order (reversed if {@code desc}). Streams: holds at most one page of keys at a time.
   */
  default Iterator<Kv> scan(byte[] prefix, boolean desc) {
    return scan(prefix, null, null, desc);
  }

  /**
   * As {@link #scan(byte[], boolean)}, only the keys {@code k} with {@code lo <= k < hi} (a null
   * bound is the prefix's own). Requires both bounds, when given, to start with {@code prefix} (or,
   * for {@code hi}, to be the end of a sub-range of it).
   */
  Iterator<Kv> scan(byte[] prefix, byte[] lo, byte[] hi, boolean desc);

  /** A stored key with its visible value and the tx that wrote it (0 = not yet committed). */
  record Kv(byte[] key, byte[] value, long txId) {}
}
