package io.immudb.bench.load;

import io.grpc.StatusRuntimeException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * One client of the {@code server} benchmark: sends its calls ({@link ServerCall}), one at a time,
 * until the end of the run. Calls are asynchronous: the answer to one call, handled on the
 * channel's transport thread, sends the next. So a client is a closed loop with one call in flight,
 * as a blocking client thread would be, without a thread of its own to wake per call (with 100
 * clients on two cores, those wake-ups cost the server a third of the machine). Calls that start at
 * or after {@code measureStart} are measured: their latency goes into {@link #latencyMicros}. Each
 * call is told what the previous answer reported (the latest tx id, or v0.8 root index, this client
 * has seen; 0 before its first answer), so that a verified call asks for its proof against it; the
 * proof is not checked.
 *
 * <p>Thread-safety: one call at a time, so the callbacks of a client never overlap; the state is
 * handed from one callback to the next by gRPC. The accessors may be read once {@code finished}
 * (given to the constructor) has counted this client down.
 */
final class ServerClient {
  /** Deadline of one call, so that a stuck server can't hang the benchmark. */
  static final long CALL_DEADLINE_SECONDS = 60;

  private final ServerCall call;
  private final long measureStart;
  private final long end;
  private final LongAdder warmupDone;
  private final LongAdder measuredDone;
  private final ServerErrors errors;
  private final CountDownLatch finished;
  private final Executor afterError;
  private final Histogram latencyMicros = new Histogram(3);
  private long lastTxId;
  private long lastEndNanos;

  /**
   * @param afterError where the call after a failed one is sent from: a failure may be reported on
   *     the sending thread, and sending from there again could recurse without bound
   */
  ServerClient(
      ServerCall call,
      long measureStart,
      long end,
      LongAdder warmupDone,
      LongAdder measuredDone,
      ServerErrors errors,
      CountDownLatch finished,
      Executor afterError) {
    this.call = call;
    this.measureStart = measureStart;
    this.end = end;
    this.warmupDone = warmupDone;
    this.measuredDone = measuredDone;
    this.errors = errors;
    this.finished = finished;
    this.afterError = afterError;
  }

  /** Sends the next call, or counts down {@code finished} if the run is over. */
  void sendNext() {
    long t0 = System.nanoTime();
    if (t0 - end >= 0) {
      finished.countDown();
      return;
    }
    call.send(
        lastTxId,
        new ServerCall.Reply() {
          @Override
          public void succeeded(long seen) {
            ServerClient.this.succeeded(t0, seen);
          }

          @Override
          public void failed(Throwable t) {
            ServerClient.this.failed(t0, t);
          }
        });
  }

  private void succeeded(long t0, long txId) {
    long t1 = System.nanoTime();
    lastTxId = Math.max(lastTxId, txId);
    if (t0 - measureStart >= 0) {
      latencyMicros.recordValue(Math.max(1, (t1 - t0) / 1000));
      measuredDone.increment();
      lastEndNanos = t1;
    } else {
      warmupDone.increment();
    }
    sendNext();
  }

  private void failed(long t0, Throwable e) {
    RuntimeException r =
        e instanceof RuntimeException re
            ? re
            : new StatusRuntimeException(io.grpc.Status.fromThrowable(e));
    errors.record(r, t0 - measureStart >= 0);
    afterError.execute(this::sendNext);
  }

  /** Latency of each successful measured call, in µs. */
  Histogram latencyMicros() {
    return latencyMicros;
  }

  /** The latest tx id (v0.8: root index) this client was answered with. */
  long lastTxId() {
    return lastTxId;
  }

  /** When the last successful measured call ended ({@link System#nanoTime}), or 0 if none did. */
  long lastEndNanos() {
    return lastEndNanos;
  }
}
