package io.immudb.bench.load;

import io.grpc.stub.StreamObserver;
import java.util.function.ToLongFunction;

/**
 * One client's calls in the {@code server} benchmark, in the API under test: each {@link #send}
 * sends the client's next pre-built request (a ring; the last is followed by the first) and reports
 * the answer to {@link Reply}.
 *
 * <p>Not thread-safe: a client has one call in flight at a time, so {@link #send} calls never
 * overlap.
 */
interface ServerCall {
  /**
   * Sends the next request.
   *
   * @param lastSeen what the previous successful answer reported (a tx id, or a v0.8 root index); 0
   *     before the first — a verified call asks for its proof against it
   */
  void send(long lastSeen, Reply reply);

  /** Where the answer to one call goes: exactly one of the two methods is called, once. */
  interface Reply {
    /** The call succeeded; {@code seen} is the tx id (or root index) the answer reported. */
    void succeeded(long seen);

    void failed(Throwable t);
  }

  /** A gRPC observer that reports a unary answer to {@code reply}. */
  static <T> StreamObserver<T> observer(Reply reply, ToLongFunction<T> seen) {
    return new StreamObserver<>() {
      private long id;

      @Override
      public void onNext(T value) {
        id = seen.applyAsLong(value);
      }

      @Override
      public void onError(Throwable t) {
        reply.failed(t);
      }

      @Override
      public void onCompleted() {
        reply.succeeded(id);
      }
    };
  }
}
