package io.immudb.bench.jmh;

import io.immudb.core.ahtree.InMemoryAhTree;
import io.immudb.core.crypto.Sha256Digest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends to the Alh hash tree (spec v1 §6): one leaf hash plus the perfect parents it completes,
 * about two SHA-256 per append on average, and {@code ROOT(n)} of a tree of a million leaves.
 *
 * <p>The appended tree is rebuilt at every iteration so it stays well below the in-memory tree's
 * capacity; short iterations keep its memory bounded too. Per-thread state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AhtBenchmark {
  private static final int ALHS = 1024;
  private static final int ROOT_TREE_SIZE = 1_000_001;

  private final Sha256Digest[] alhs = new Sha256Digest[ALHS];
  private InMemoryAhTree appended;
  private InMemoryAhTree big;
  private int next;

  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < ALHS; i++) {
      byte[] b = new byte[Sha256Digest.LENGTH];
      rnd.nextBytes(b);
      alhs[i] = Sha256Digest.of(b);
    }
    big = new InMemoryAhTree();
    for (int i = 0; i < ROOT_TREE_SIZE; i++) {
      big.append(alhs[i % ALHS]);
    }
  }

  @Setup(Level.Iteration)
  public void freshTree() {
    appended = new InMemoryAhTree();
  }

  /** One append. */
  @Benchmark
  public Sha256Digest append() {
    next = (next + 1) & (ALHS - 1);
    return appended.append(alhs[next]);
  }

  /** {@code ROOT(n)} of an odd-sized tree of about a million leaves (not a perfect tree). */
  @Benchmark
  public Sha256Digest rootOfMillion() {
    return big.root();
  }
}
