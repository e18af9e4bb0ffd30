package io.immudb.client;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.immudb.client.internal.ProtoDecoder;
import io.immudb.client.internal.StatusDecoder;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.proto.ExportTxsRequest;
import io.immudb.proto.ExportedEntry;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.ImportBegin;
import io.immudb.proto.ImportRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The whole-history calls of {@link ImmuClient}: export and import streams (this server's backup
 * extensions). Both run without the client's per-call deadline (they take as long as the history is
 * big) and take transactions of any size the server sends.
 */
final class Transfers {
  private Transfers() {}

  /** A server stream of exported txs; closing it early cancels the call. Not thread-safe. */
  static final class Export implements Iterator<ExportedTx>, AutoCloseable {
    private final Context.CancellableContext context;
    private final Iterator<io.immudb.proto.ExportedTx> it;

    Export(Channel calls, long fromTx, long toTx) {
      this.context = Context.current().withCancellation();
      Context previous = context.attach();
      try {
        ExportTxsRequest req =
            ExportTxsRequest.newBuilder().setFromTx(fromTx).setToTx(toTx).build();
        this.it =
            ImmuServiceGrpc.newBlockingStub(calls)
                .withMaxInboundMessageSize(Integer.MAX_VALUE)
                .exportTxs(req);
      } finally {
        context.detach(previous);
      }
    }

    @Override
    public boolean hasNext() {
      try {
        return it.hasNext();
      } catch (StatusRuntimeException e) {
        throw StatusDecoder.decode(e);
      }
    }

    @Override
    public ExportedTx next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      io.immudb.proto.ExportedTx t = it.next();
      List<StoredKeyValue> kvs = new ArrayList<>(t.getEntriesCount());
      for (ExportedEntry e : t.getEntriesList()) {
        kvs.add(new StoredKeyValue(e.getKey().toByteArray(), e.getValue().toByteArray()));
      }
      try {
        return new ExportedTx(ProtoDecoder.header(t.getHeader()), kvs);
      } catch (VerificationException e) {
        throw new ImmuClientException(
            Status.Code.INTERNAL, "the server sent a malformed tx: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      context.cancel(null);
    }
  }

  /**
   * Streams {@code txs} into a new database {@code name} that must end in {@code end}, sending only
   * as fast as the server takes them. If {@code txs} throws, the call is cancelled (the server
   * keeps nothing) and the exception is rethrown.
   */
  static ImmuState importDatabase(
      Channel calls, String name, ImmuState end, Iterator<ExportedTx> txs) {
    CompletableFuture<ImmutableState> result = new CompletableFuture<>();
    Object ready = new Object();
    ClientResponseObserver<ImportRequest, ImmutableState> answers =
        new ClientResponseObserver<>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<ImportRequest> requests) {
            requests.setOnReadyHandler(() -> wake(ready));
          }

          @Override
          public void onNext(ImmutableState s) {
            result.complete(s);
          }

          @Override
          public void onError(Throwable t) {
            result.completeExceptionally(t);
            wake(ready);
          }

          @Override
          public void onCompleted() {
            result.complete(null);
          }
        };
    ClientCallStreamObserver<ImportRequest> out =
        (ClientCallStreamObserver<ImportRequest>)
            ImmuServiceGrpc.newStub(calls).importDatabase(answers);
    try {
      out.onNext(
          ImportRequest.newBuilder()
              .setBegin(
                  ImportBegin.newBuilder()
                      .setDatabaseName(name)
                      .setTxId(end.txId())
                      .setTxHash(ByteString.copyFrom(end.txHash().toByteArray())))
              .build());
      while (!result.isDone() && txs.hasNext()) {
        ImportRequest req = ImportRequest.newBuilder().setTx(encode(txs.next())).build();
        awaitReady(out, result, ready);
        out.onNext(req);
      }
    } catch (RuntimeException e) {
      out.cancel("the import was abandoned: " + e.getMessage(), e);
      throw e;
    }
    out.onCompleted();
    try {
      ImmutableState s = result.get();
      if (s == null) {
        throw new ImmuClientException(Status.Code.INTERNAL, "the server sent no state", null);
      }
      return new ImmuState(s.getDb(), s.getTxId(), Sha256Digest.of(s.getTxHash().toByteArray()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.cancel("interrupted", e);
      throw new ImmuClientException(Status.Code.CANCELLED, "interrupted", e);
    } catch (ExecutionException e) {
      throw StatusDecoder.decode(Status.fromThrowable(e.getCause()).asRuntimeException());
    }
  }

  private static void wake(Object monitor) {
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  private static void awaitReady(
      ClientCallStreamObserver<ImportRequest> out, CompletableFuture<?> result, Object ready) {
    synchronized (ready) {
      while (!out.isReady() && !result.isDone()) {
        try {
          ready.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ImmuClientException(Status.Code.CANCELLED, "interrupted", e);
        }
      }
    }
  }

  private static io.immudb.proto.ExportedTx encode(ExportedTx tx) {
    io.immudb.proto.ExportedTx.Builder b =
        io.immudb.proto.ExportedTx.newBuilder().setHeader(ProtoDecoder.metadata(tx.header()));
    for (StoredKeyValue kv : tx.entries()) {
      b.addEntries(
          ExportedEntry.newBuilder()
              .setKey(ByteString.copyFrom(kv.key()))
              .setValue(ByteString.copyFrom(kv.value())));
    }
    return b.build();
  }
}
