/**
 * JMH micro-benchmarks of the hashing under every commit: entry digests plus the per-tx Merkle tree
 * (spec v1 §3.4, §4.1) and appends to the Alh hash tree (spec v1 §6).
 *
 * <p>Run with {@code bin/immudb-bench jmh [JMH options] [regexp]}, or {@code java -cp ...
 * org.openjdk.jmh.Main}. The annotation processor generates the harness during the normal build.
 * Benchmark state objects are per thread; nothing here is shared.
 */
package io.immudb.bench.jmh;
