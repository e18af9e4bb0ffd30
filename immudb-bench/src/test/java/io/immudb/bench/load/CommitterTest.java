package io.immudb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.tx.TxHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a {@link Committer} warms up and what it records. */
class CommitterTest {
  private final ScheduledExecutorService completer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    completer.shutdownNow();
  }

  /**
   * A commit function whose commits complete 1 ms after they are sent, counting how many are in
   * flight at once: {@code peak[0]} in the warm-up, {@code peak[1]} in the measured run.
   */
  private static final class SlowCommits
      implements Function<List<Integer>, CompletableFuture<TxHeader>> {
    final AtomicInteger inFlight = new AtomicInteger();
    final int[] peak = new int[2];
    final AtomicLong txIds = new AtomicLong();
    volatile int phase;
    private final ScheduledExecutorService completer;

    SlowCommits(ScheduledExecutorService completer) {
      this.completer = completer;
    }

    @Override
    public CompletableFuture<TxHeader> apply(List<Integer> tx) {
      int now = inFlight.incrementAndGet();
      synchronized (peak) {
        peak[phase] = Math.max(peak[phase], now);
      }
      CompletableFuture<TxHeader> f = new CompletableFuture<>();
      long id = txIds.incrementAndGet();
      completer.schedule(
          () -> {
            inFlight.decrementAndGet();
            f.complete(header(id));
          },
          1,
          TimeUnit.MILLISECONDS);
      return f;
    }
  }

  private static TxHeader header(long id) {
    Sha256Digest zero = Sha256Digest.of(new byte[32]);
    return new TxHeader(id, zero, 1, 1, zero, id - 1, zero);
  }

  private static List<List<Integer>> txs(int n) {
    List<List<Integer>> txs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      txs.add(List.of(i));
    }
    return txs;
  }

  /** Runs a committer with {@code warmup} of {@code total} txs and {@code inFlight}; returns it. */
  private static Committer<Integer> run(SlowCommits commits, int total, int warmup, int inFlight)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong done = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Committer<Integer> c =
        new Committer<>(txs(total), warmup, commits, inFlight, ready, go, done, failure);
    Thread t = new Thread(c);
    t.start();
    assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
    commits.phase = 1;
    go.countDown();
    t.join(30_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(failure.get()).isNull();
    assertThat(done.get()).isEqualTo(total - warmup);
    return c;
  }

  @Test
  void theWarmUpKeepsAsManyCommitsInFlightAsTheMeasuredRunAndIsNotRecorded() throws Exception {
    SlowCommits commits = new SlowCommits(completer);
    Committer<Integer> c = run(commits, 100, 40, 4);
    assertThat(commits.peak).containsExactly(4, 4);
    assertThat(commits.txIds.get()).isEqualTo(100);
    assertThat(c.latencyMicros().getTotalCount()).isEqualTo(60);
    assertThat(c.lastTxId()).isGreaterThan(40);
  }

  @Test
  void oneByOneCommitsWarmUpOneByOneToo() throws Exception {
    SlowCommits commits = new SlowCommits(completer);
    Committer<Integer> c = run(commits, 30, 10, 1);
    assertThat(commits.peak).containsExactly(1, 1);
    assertThat(c.latencyMicros().getTotalCount()).isEqualTo(20);
    assertThat(c.lastTxId()).isEqualTo(30);
  }
}
