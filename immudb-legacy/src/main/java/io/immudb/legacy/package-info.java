/**
 * The immudb v0.8 API over this project's databases (spec v0.8, {@code
 * ../shared/spec/immudb-v0.8-legacy-api.md}): {@link io.immudb.legacy.LegacyServices} builds the
 * gRPC service a server serves on {@code --legacy-port}; {@link io.immudb.legacy.LegacyHost} is
 * what it needs from that server (users, tokens, permissions, databases, root signing); {@link
 * io.immudb.legacy.LegacyLedgers} keeps every database's v0.8 tree.
 *
 * <p>Invariants: one log, two proof systems. v0.8 writes are ordinary {@code Database} writes, so
 * the v1.1 API reads and proves them; the v0.8 tree is derived from the log, so its proofs cover
 * v1.1 writes too. Thread-safety is stated per class. Refusals are {@link
 * io.immudb.core.ImmuException}s, mapped to gRPC status in one place with v0.8's texts.
 */
package io.immudb.legacy;
