package io.immudb.server.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.immudb.core.ImmuException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link ImmuServiceImpl} answers a call: with what the call returns, or with the status of
 * what it throws ({@link StatusMapper}), logging our own bugs once, under the service's name. A
 * refused start of a stream is answered through {@link StreamRpcs#fail}. Stateless and thread-safe.
 */
final class Answers {
  private static final Logger LOG = LoggerFactory.getLogger(ImmuServiceImpl.class);

  private Answers() {}

  /** Answers a unary call with {@code call}'s result, or its failure. */
  static <T> void unary(StreamObserver<T> out, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      fail(out, e);
      return;
    }
    out.onNext(result);
    out.onCompleted();
  }

  /**
   * Answers with what {@code call}'s future completes with, when it does, on the thread that
   * completes it; no thread waits meanwhile. {@code call} itself runs on the calling thread, so it
   * sees the call's context (the caller's token).
   */
  static <T> void async(StreamObserver<T> out, Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> pending;
    try {
      pending = call.get();
    } catch (RuntimeException e) {
      fail(out, e);
      return;
    }
    pending.whenComplete(
        (result, e) -> {
          try {
            if (e != null) {
              fail(
                  out, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
              out.onNext(result);
              out.onCompleted();
            }
          } catch (StatusRuntimeException cancelled) {
            // The client cancelled the call meanwhile: nobody is left to answer.
            LOG.debug("answer to a cancelled call dropped: {}", cancelled.getStatus());
          }
        });
  }

  /** Runs a server-streaming call that writes its own answers; a failure to start ends it. */
  static void serverStream(StreamObserver<?> out, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      StreamRpcs.fail(out, e);
    }
  }

  /**
   * Starts a client-streaming call; if it is refused, ends it and returns an observer that ignores
   * whatever the client still sends.
   */
  static <T> StreamObserver<T> clientStream(
      StreamObserver<?> out, Supplier<StreamObserver<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      StreamRpcs.fail(out, e);
      return StreamRpcs.discard();
    }
  }

  /** Ends a call with the status of {@code e}, logging it first if it is our bug. */
  static void fail(StreamObserver<?> out, Throwable e) {
    if (!(e instanceof ImmuException) && !(e instanceof StatusRuntimeException)) {
      LOG.error("internal error", e);
    }
    out.onError(StatusMapper.toStatus(e));
  }
}
