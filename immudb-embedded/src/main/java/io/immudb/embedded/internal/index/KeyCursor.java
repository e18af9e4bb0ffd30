package io.immudb.embedded.internal.index;

/**
 * A cursor over the distinct stored keys of one view of the index, in unsigned byte order, each
 * positioned on the version that view selects. Seek names follow {@link java.util.NavigableMap}:
 * ceiling ≥, higher &gt;, floor ≤, lower &lt;.
 *
 * <p>Two implementations: {@link LatestCursor} (the snapshot's own tx, one row per key) and {@link
 * HistoryCursor} (as of an older tx, resolved from the version rows). Not thread-safe: one cursor
 * per query, closed by it.
 */
interface KeyCursor extends AutoCloseable {
  /** Positions on the smallest key. */
  void seekFirst();

  /** Positions on the largest key. */
  void seekLast();

  /** Positions on the smallest key ≥ {@code k}. */
  void seekCeiling(byte[] k);

  /** Positions on the smallest key &gt; {@code k}. */
  void seekHigher(byte[] k);

  /** Positions on the largest key ≤ {@code k}. */
  void seekFloor(byte[] k);

  /** Positions on the largest key &lt; {@code k}. */
  void seekLower(byte[] k);

  /** Whether the cursor is on a key; false once it ran off either end. */
  boolean isValid();

  /** The current key; callers MUST NOT modify it. Requires {@link #isValid()}. */
  byte[] key();

  /** The version of the current key. Requires {@link #isValid()}. */
  EntryRef ref();

  /** Moves to the next larger key. Requires {@link #isValid()}. */
  void next();

  /** Moves to the next smaller key. Requires {@link #isValid()}. */
  void prev();

  @Override
  void close();
}
