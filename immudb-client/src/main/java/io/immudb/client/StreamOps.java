package io.immudb.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.immudb.client.internal.Chunks;
import io.immudb.client.internal.ProtoDecoder;
import io.immudb.client.internal.StatusDecoder;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.Chunk;
import io.immudb.proto.TxMetadata;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The streaming key-value calls of {@link ImmuClient} (spec v1 §12): a key and a (large) value sent
 * or received as {@link Chunks}, under the client's per-call deadline. Unlike the unary calls they
 * never log in again. Thread-safe (stateless over the shared {@link Connection}).
 */
final class StreamOps {
  private final Connection conn;

  StreamOps(Connection conn) {
    this.conn = conn;
  }

  TxHeader streamSet(byte[] key, byte[] value) {
    TxMetadata[] answer = new TxMetadata[1];
    Throwable[] failure = new Throwable[1];
    CountDownLatch done = new CountDownLatch(1);
    StreamObserver<Chunk> out =
        conn.asyncStub()
            .streamSet(
                new StreamObserver<>() {
                  @Override
                  public void onNext(TxMetadata v) {
                    answer[0] = v;
                  }

                  @Override
                  public void onError(Throwable t) {
                    failure[0] = t;
                    done.countDown();
                  }

                  @Override
                  public void onCompleted() {
                    done.countDown();
                  }
                });
    Chunks.encode(List.of(key, value)).forEach(out::onNext);
    out.onCompleted();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImmuClientException(Status.Code.CANCELLED, "interrupted", e);
    }
    if (failure[0] instanceof StatusRuntimeException sre) {
      throw StatusDecoder.decode(sre);
    } else if (failure[0] != null) {
      throw StatusDecoder.decode(Status.fromThrowable(failure[0]).asRuntimeException());
    }
    return ProtoDecoder.headerUnchecked(answer[0]);
  }

  KeyValue streamGet(byte[] key) {
    try {
      List<byte[]> m = Chunks.decode(conn.stub().streamGet(Requests.keyRequest(key, 0, 0)));
      if (m.size() != 2) {
        throw new ImmuClientException(
            Status.Code.INTERNAL, "streamGet answered " + m.size() + " messages, not 2", null);
      }
      return new KeyValue(m.get(0), m.get(1));
    } catch (StatusRuntimeException e) {
      throw StatusDecoder.decode(e);
    }
  }
}
