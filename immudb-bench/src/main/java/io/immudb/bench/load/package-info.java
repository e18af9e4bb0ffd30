/**
 * Load generators behind {@code immudb-bench}: concurrent commits against an {@link
 * io.immudb.embedded.store.ImmuStore} ({@link io.immudb.bench.load.StoreLoad}) and concurrent reads
 * through the data model ({@link io.immudb.bench.load.ReadLoad}), and {@code Set} / {@code
 * VerifiableSet} calls against a running server over gRPC ({@link
 * io.immudb.bench.load.ServerLoad}).
 *
 * <p>Invariants: everything a measured loop needs (keys, values) is generated before the clock
 * starts; latencies go into one HdrHistogram per worker thread, merged after the run. Sequential
 * keys are {@code "k"} followed by a zero-padded decimal index filling the key length ({@link
 * io.immudb.bench.load.SequentialKeys}); how many of them a directory holds is kept in its {@code
 * bench-keys.properties} ({@link io.immudb.bench.load.BenchKeys}), which is how {@code read --dir}
 * finds keys written by an earlier {@code store --data-model --dir}.
 *
 * <p>Thread-safety: the {@code *Spec} and {@code *Result} records are immutable; a load object runs
 * once, from the calling thread, and owns the worker threads it starts. Errors: a bad spec throws
 * {@link java.lang.IllegalArgumentException}; the first failure of a worker stops the run and is
 * rethrown as an {@link java.lang.IllegalStateException} with that failure as its cause.
 */
package io.immudb.bench.load;
