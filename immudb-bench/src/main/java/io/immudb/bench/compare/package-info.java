/**
 * {@code immudb-bench vs-postgres}: this project's server and PostgreSQL side by side in one run
 * ({@link io.immudb.bench.compare.Comparison}), and its report ({@link
 * io.immudb.bench.compare.ComparisonReport}). See {@code docs/benchmarks.md}.
 *
 * <p>Both servers are separate processes, started as a user would: {@code bin/immudb} of the
 * checkout ({@link io.immudb.bench.compare.ImmudbServerProcess}) and a fresh cluster of Debian's
 * PostgreSQL ({@link io.immudb.bench.compare.PostgresServer}, run through {@code su} as {@code
 * postgres} when we are root, since PostgreSQL refuses root). Our load is generated in this process
 * by {@link io.immudb.bench.load.ServerLoad}; PostgreSQL's by {@code pgbench} ({@link
 * io.immudb.bench.compare.Pgbench}).
 *
 * <p>Invariants: both servers listen on 127.0.0.1 only, on ports free when the run starts, with
 * their data in one temporary directory; both are stopped and the directory deleted when the run
 * ends, fails or is stopped (a shutdown hook). Each point writes 32-byte keys and 64-byte values,
 * one per durable transaction, for the same measured seconds on both sides, and the systems
 * alternate point by point. Latency percentiles are nearest-rank on both sides.
 *
 * <p>Thread-safety: records are immutable; a {@code Comparison} runs on one thread, and only its
 * cleanup may also run on the shutdown hook's thread. Errors: a missing PostgreSQL, {@code
 * postgres} user or {@code bin/immudb} throws {@link
 * io.immudb.bench.compare.MissingPrerequisiteException} saying how to get it; a failing server or
 * tool throws {@link java.lang.IllegalStateException} with its output.
 */
package io.immudb.bench.compare;
