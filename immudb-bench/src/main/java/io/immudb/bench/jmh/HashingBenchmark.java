package io.immudb.bench.jmh;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.TxEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hashing a commit does for one tx of {@code entries} entries: value hashes {@code
 * H(storedValue)}, entry digests {@code H(storedKey ‖ hValue)} (spec v1 §3.4) and the tx's Merkle
 * tree up to {@code eH} (spec v1 §4.1). Keys are 33 bytes (a prefix byte and 32 key bytes), values
 * 65 (a prefix byte and 64 value bytes), as in the default {@code store} run.
 *
 * <p>Per-thread state: each benchmark thread has its own entries and {@link Sha256Hasher}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HashingBenchmark {
  @Param({"1000"})
  public int entries;

  private byte[][] values;
  private List<TxEntry> txEntries;
  private List<Sha256Digest> digests;
  private Sha256Hasher hasher;

  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(42);
    hasher = Sha256Hasher.create();
    values = new byte[entries][65];
    txEntries = new ArrayList<>(entries);
    digests = new ArrayList<>(entries);
    for (int i = 0; i < entries; i++) {
      rnd.nextBytes(values[i]);
      byte[] key = new byte[33];
      rnd.nextBytes(key);
      TxEntry e = new TxEntry(key, hasher.hash(values[i]), values[i].length);
      txEntries.add(e);
      digests.add(e.digest(hasher));
    }
  }

  /** {@code H(storedValue)} of every value of the tx. */
  @Benchmark
  public Sha256Digest valueHashes() {
    Sha256Digest last = null;
    for (byte[] v : values) {
      last = hasher.hash(v);
    }
    return last;
  }

  /** Entry digests plus the tree over them: {@code eH} from the tx entries. */
  @Benchmark
  public Sha256Digest entryDigestsAndHTree() {
    return HTree.ofEntries(txEntries, hasher).root();
  }

  /** The tree alone, over precomputed entry digests. */
  @Benchmark
  public Sha256Digest hTreeOnly() {
    return HTree.build(digests, hasher).root();
  }
}
