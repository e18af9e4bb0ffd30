/**
 * The file-backed append-only hash tree over Alh values (spec v1 §6).
 *
 * <p>Invariants: after {@code n} leaves the node log holds exactly {@code 2n − popcount(n)}
 * records; nodes are never rewritten. The tree is derived from the commit log's Alh values and is
 * repaired from it on open. One writer thread; concurrent readers of the published tree. Checksum
 * failures raise {@link io.immudb.embedded.CorruptedDataException}.
 */
package io.immudb.embedded.ahtree;
