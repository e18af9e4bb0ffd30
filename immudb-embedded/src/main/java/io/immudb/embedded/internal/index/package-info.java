/**
 * The key index of the engine: for every stored key, where its newest version and each older
 * version live, so the engine can serve Get, Scan, History and ZScan (spec v1 §3, §9.7.3) without
 * reading the tx log.
 *
 * <p><b>Derived data.</b> The tx log is the truth. The index can always be wiped ({@link
 * io.immudb.embedded.internal.index.KeyIndex#reset()}) and rebuilt by replaying committed
 * transactions. It is kept in RocksDB (three column families: {@code default} for metadata, {@code
 * latest} for the newest version of each key, {@code history} for every version; see {@link
 * io.immudb.embedded.internal.index.HistoryKeyCodec} for the ordering-preserving history key).
 *
 * <p><b>Invariants.</b>
 *
 * <ul>
 *   <li>{@code indexedTx} is written in the same atomic batch as the entries of the transactions it
 *       covers, and all column families are flushed atomically, so after a crash the persisted
 *       index is a consistent prefix {@code 1..indexedTx} of the tx log (possibly shorter than what
 *       was applied: the write-ahead log is off, and the engine re-indexes the tail).
 *   <li>Transactions are applied in order, each exactly once: {@code apply} accepts only {@code
 *       indexedTx + 1, indexedTx + 2, ...}.
 *   <li>A reader sees whole transactions only: an {@link
 *       io.immudb.embedded.internal.index.IndexSnapshot} is a RocksDB snapshot whose {@code txId}
 *       is read from that same snapshot.
 *   <li>Keys are stored keys (namespace byte first) and compare as unsigned bytes.
 * </ul>
 *
 * <p><b>Thread-safety.</b> {@code KeyIndex.apply}, {@code reset} and {@code compact} are meant for
 * the engine's single indexer thread ({@code apply} and {@code reset} are serialized anyway).
 * {@code snapshot()} and every {@code IndexSnapshot} query may be called from any thread. Closing
 * the index closes every snapshot still open, after the queries in flight on it finish.
 *
 * <p><b>Exceptions.</b> Programmer errors (null arguments, {@code limit < 1}, a tx id out of range,
 * a gap in {@code apply}) throw {@link java.lang.IllegalArgumentException} naming the bad value;
 * using a closed index or snapshot throws {@link java.lang.IllegalStateException}. RocksDB failures
 * surface as {@link io.immudb.core.ImmuException} with {@code INTERNAL}; an index record that
 * cannot be decoded throws {@code ImmuException} with {@code DATA_LOSS} (rebuild the index). Only
 * {@link io.immudb.embedded.internal.index.KeyIndex#open} throws a checked {@link
 * java.io.IOException}.
 *
 * <p><b>Internal to the engine</b> (no stability promise): only the engine's higher layers may use
 * it; other modules go through {@link io.immudb.embedded.database.Database}, which {@code
 * EngineBoundaryTest} enforces.
 */
package io.immudb.embedded.internal.index;
