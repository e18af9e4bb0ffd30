package io.immudb.bench.load;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceStub;
import io.immudb.proto.SetRequest;
import io.immudb.proto.TxMetadata;
import io.immudb.proto.VerifiableSetRequest;
import io.immudb.proto.VerifiableTx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * One client of the {@code server} benchmark: sends its pre-generated requests, one {@code Set} (or
 * {@code VerifiableSet}) call at a time, until the end of the run. Calls are asynchronous: the
 * answer to one call, handled on the channel's transport thread, sends the next. So a client is a
 * closed loop with one call in flight, as a blocking client thread would be, without a thread of
 * its own to wake per call (with 100 clients on two cores, those wake-ups cost the server a third
 * of the machine). Calls that start at or after {@code measureStart} are measured: their latency
 * goes into {@link #latencyMicros}. With {@code verified}, each call asks for a proof since the
 * latest tx id this client has seen (0 before its first answer); the proof is not checked.
 *
 * <p>Thread-safety: one call at a time, so the callbacks of a client never overlap; the state is
 * handed from one callback to the next by gRPC. The accessors may be read once {@code finished}
 * (given to the constructor) has counted this client down.
 */
final class ServerClient {
  /** Deadline of one call, so that a stuck server can't hang the benchmark. */
  static final long CALL_DEADLINE_SECONDS = 60;

  private final ImmuServiceStub stub;
  private final SetRequest[] requests;
  private final boolean verified;
  private final long measureStart;
  private final long end;
  private final LongAdder warmupDone;
  private final LongAdder measuredDone;
  private final ServerErrors errors;
  private final CountDownLatch finished;
  private final Executor afterError;
  private final Histogram latencyMicros = new Histogram(3);
  private int next;
  private long lastTxId;
  private long lastEndNanos;

  /**
   * @param afterError where the call after a failed one is sent from: a failure may be reported on
   *     the sending thread, and sending from there again could recurse without bound
   */
  ServerClient(
      ImmuServiceStub stub,
      SetRequest[] requests,
      boolean verified,
      long measureStart,
      long end,
      LongAdder warmupDone,
      LongAdder measuredDone,
      ServerErrors errors,
      CountDownLatch finished,
      Executor afterError) {
    this.stub = stub;
    this.requests = requests;
    this.verified = verified;
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
    SetRequest req = requests[next];
    next = next + 1 == requests.length ? 0 : next + 1;
    ImmuServiceStub s = stub.withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
    if (verified) {
      VerifiableSetRequest v =
          VerifiableSetRequest.newBuilder().setSetRequest(req).setProveSinceTx(lastTxId).build();
      s.verifiableSet(v, new Answer<VerifiableTx>(t0, a -> a.getTx().getMetadata().getId()));
    } else {
      s.set(req, new Answer<TxMetadata>(t0, TxMetadata::getId));
    }
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

  /** The answer to one call. */
  private final class Answer<T> implements StreamObserver<T> {
    private final long t0;
    private final java.util.function.ToLongFunction<T> txId;
    private long id;

    Answer(long t0, java.util.function.ToLongFunction<T> txId) {
      this.t0 = t0;
      this.txId = txId;
    }

    @Override
    public void onNext(T value) {
      id = txId.applyAsLong(value);
    }

    @Override
    public void onError(Throwable t) {
      failed(t0, t);
    }

    @Override
    public void onCompleted() {
      succeeded(t0, id);
    }
  }

  /** Latency of each successful measured call, in µs. */
  Histogram latencyMicros() {
    return latencyMicros;
  }

  /** The latest tx id this client was answered with. */
  long lastTxId() {
    return lastTxId;
  }

  /** When the last successful measured call ended ({@link System#nanoTime}), or 0 if none did. */
  long lastEndNanos() {
    return lastEndNanos;
  }
}
