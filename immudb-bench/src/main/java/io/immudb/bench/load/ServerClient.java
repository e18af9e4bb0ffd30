package io.immudb.bench.load;

import io.grpc.StatusRuntimeException;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.SetRequest;
import io.immudb.proto.VerifiableSetRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * One client of the {@code server} benchmark: a thread that sends its pre-generated requests, one
 * blocking {@code Set} (or {@code VerifiableSet}) call at a time, until the end of the run. Calls
 * that start at or after {@code measureStart} are measured: their latency goes into {@link
 * #latencyMicros}. With {@code verified}, each call asks for a proof since the latest tx id this
 * client has seen (0 before its first answer); the proof is not checked.
 *
 * <p>Not thread-safe: {@link #run} runs on one thread; the other accessors may be read once that
 * thread has been joined.
 */
final class ServerClient implements Runnable {
  /** Deadline of one call, so that a stuck server can't hang the benchmark. */
  static final long CALL_DEADLINE_SECONDS = 60;

  private final ImmuServiceBlockingStub stub;
  private final SetRequest[] requests;
  private final boolean verified;
  private final long measureStart;
  private final long end;
  private final LongAdder warmupDone;
  private final LongAdder measuredDone;
  private final ServerErrors errors;
  private final Histogram latencyMicros = new Histogram(3);
  private long lastTxId;
  private long lastEndNanos;

  ServerClient(
      ImmuServiceBlockingStub stub,
      SetRequest[] requests,
      boolean verified,
      long measureStart,
      long end,
      LongAdder warmupDone,
      LongAdder measuredDone,
      ServerErrors errors) {
    this.stub = stub;
    this.requests = requests;
    this.verified = verified;
    this.measureStart = measureStart;
    this.end = end;
    this.warmupDone = warmupDone;
    this.measuredDone = measuredDone;
    this.errors = errors;
  }

  @Override
  public void run() {
    int next = 0;
    while (true) {
      long t0 = System.nanoTime();
      if (t0 - end >= 0) {
        return;
      }
      boolean measured = t0 - measureStart >= 0;
      SetRequest req = requests[next];
      next = next + 1 == requests.length ? 0 : next + 1;
      try {
        long txId = call(req);
        long t1 = System.nanoTime();
        lastTxId = Math.max(lastTxId, txId);
        if (measured) {
          latencyMicros.recordValue(Math.max(1, (t1 - t0) / 1000));
          measuredDone.increment();
          lastEndNanos = t1;
        } else {
          warmupDone.increment();
        }
      } catch (StatusRuntimeException e) {
        errors.record(e, measured);
      }
    }
  }

  private long call(SetRequest req) {
    ImmuServiceBlockingStub s = stub.withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
    if (verified) {
      VerifiableSetRequest v =
          VerifiableSetRequest.newBuilder().setSetRequest(req).setProveSinceTx(lastTxId).build();
      return s.verifiableSet(v).getTx().getMetadata().getId();
    }
    return s.set(req).getId();
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
