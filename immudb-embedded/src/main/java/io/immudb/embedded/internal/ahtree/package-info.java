/**
 * The file-backed append-only hash tree over Alh values (spec v1 §6).
 *
 * <p>Invariants: after {@code n} leaves the node log holds exactly {@code 2n − popcount(n)}
 * records; nodes are never rewritten. The tree is derived from the commit log's Alh values and is
 * repaired from it on open. One writer thread; concurrent readers of the published tree. Checksum
 * failures raise {@link io.immudb.embedded.CorruptedDataException}.
 *
 * <p><b>Internal to the engine</b> (no stability promise): only the engine's higher layers may use
 * it; other modules go through {@link io.immudb.embedded.database.Database}, which {@code
 * EngineBoundaryTest} enforces.
 */
package io.immudb.embedded.internal.ahtree;
