package io.immudb.server.grpc;

import io.grpc.stub.StreamObserver;
import io.immudb.proto.Chunk;
import java.util.function.Supplier;

/**
 * The request side of a client-streaming RPC (spec v1 §12): reassembles messages with a {@link
 * ChunkReader}, hands them to a {@link StreamParser}, and when the client half-closes, runs the
 * call and sends its one answer. The first failure ends the call with the status from {@link
 * StreamRpcs#fail}; later chunks are ignored and what was buffered is dropped.
 *
 * <p>Not thread-safe; gRPC calls a request observer from one thread at a time.
 */
final class ChunkRequestObserver<T> implements StreamObserver<Chunk> {
  private final StreamObserver<T> out;
  private final Supplier<T> call;
  private StreamParser parser;
  private ChunkReader reader;

  /**
   * @param out the response observer
   * @param parser reads the messages into a request
   * @param call runs the request once the stream ended well
   * @param maxTotalBytes the most payload bytes the stream may carry
   */
  ChunkRequestObserver(
      StreamObserver<T> out, StreamParser parser, Supplier<T> call, long maxTotalBytes) {
    this.out = out;
    this.call = call;
    this.parser = parser;
    this.reader = new ChunkReader(parser::nextLimit, parser::accept, maxTotalBytes);
  }

  @Override
  public void onNext(Chunk chunk) {
    if (reader == null) {
      return;
    }
    try {
      reader.accept(chunk.getContent());
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  @Override
  public void onError(Throwable t) {
    // The client cancelled: nothing to answer, drop what was buffered.
    drop();
  }

  @Override
  public void onCompleted() {
    if (reader == null) {
      return;
    }
    T result;
    try {
      reader.finish();
      parser.end();
      drop();
      result = call.get();
    } catch (RuntimeException e) {
      fail(e);
      return;
    }
    out.onNext(result);
    out.onCompleted();
  }

  private void fail(RuntimeException e) {
    drop();
    StreamRpcs.fail(out, e);
  }

  private void drop() {
    reader = null;
    parser = null;
  }
}
