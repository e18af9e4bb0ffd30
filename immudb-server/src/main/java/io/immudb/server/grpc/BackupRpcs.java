package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.state.ImmuState;
import io.immudb.embedded.database.Database;
import io.immudb.proto.ExportTxsRequest;
import io.immudb.proto.ExportedEntry;
import io.immudb.proto.FlushIndexRequest;
import io.immudb.proto.FlushIndexResponse;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.ImportRequest;
import io.immudb.server.db.DatabaseRegistry;
import io.immudb.server.db.DatabaseRestore;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup extensions of this server (not in immudb v1.1): {@code ExportTxs} streams a database's
 * transactions with their stored values, {@code ImportDatabase} replays such a stream into a new
 * database that must end in the announced state, {@code FlushIndex} writes a database's index to
 * disk. The gRPC service checks the caller's permissions before it calls these. Stateless and
 * thread-safe; each call gets its own stream state.
 */
final class BackupRpcs {
  private static final Logger LOG = LoggerFactory.getLogger(BackupRpcs.class);

  private BackupRpcs() {}

  /**
   * {@code ExportTxs}: the txs of the request's range, one message each, sent as fast as the client
   * takes them (gRPC flow control), read from the logs without filling the server's caches.
   */
  static void exportTxs(
      Database db, ExportTxsRequest req, StreamObserver<io.immudb.proto.ExportedTx> out) {
    long last = db.lastTxId();
    long from = req.getFromTx() == 0 ? 1 : req.getFromTx();
    long to = req.getToTx() == 0 ? last : req.getToTx();
    if (from > to || to > last) {
      throw new ImmuException(
          ErrorCode.INVALID_ARGUMENT,
          "export range " + from + ".." + to + " is not within the committed txs 1.." + last);
    }
    ServerCallStreamObserver<io.immudb.proto.ExportedTx> call =
        (ServerCallStreamObserver<io.immudb.proto.ExportedTx>) out;
    new Exporter(db, from, to, call).start();
  }

  /** Sends txs while the transport is ready; gRPC calls {@link #drain} again when it is. */
  private static final class Exporter {
    private final Database db;
    private final long to;
    private final ServerCallStreamObserver<io.immudb.proto.ExportedTx> call;
    private long next;
    private boolean ended;

    Exporter(
        Database db,
        long from,
        long to,
        ServerCallStreamObserver<io.immudb.proto.ExportedTx> call) {
      this.db = db;
      this.next = from;
      this.to = to;
      this.call = call;
    }

    void start() {
      call.setOnCancelHandler(() -> ended = true);
      call.setOnReadyHandler(this::drain);
      drain();
    }

    /** Runs on the call's serialized executor: never concurrently with itself. */
    private void drain() {
      try {
        while (!ended && call.isReady() && next <= to) {
          call.onNext(exported(db.export(next)));
          next++;
        }
        if (!ended && next > to) {
          ended = true;
          call.onCompleted();
        }
      } catch (RuntimeException e) {
        if (!ended) {
          ended = true;
          LOG.warn("export failed at tx {}: {}", next, e.toString());
          StreamRpcs.fail(call, e);
        }
      }
    }
  }

  static io.immudb.proto.ExportedTx exported(ExportedTx tx) {
    io.immudb.proto.ExportedTx.Builder b =
        io.immudb.proto.ExportedTx.newBuilder().setHeader(WireCodec.txMetadata(tx.header()));
    for (StoredKeyValue kv : tx.entries()) {
      b.addEntries(
          ExportedEntry.newBuilder()
              .setKey(ByteString.copyFrom(kv.key()))
              .setValue(ByteString.copyFrom(kv.value())));
    }
    return b.build();
  }

  /**
   * {@code ImportDatabase}: the first message names the new database and the state the history ends
   * in, then come the txs from 1 on. The database exists only once the client ends the stream and
   * the history ended in that state; any failure or cancellation leaves nothing behind.
   */
  static StreamObserver<ImportRequest> importDatabase(
      DatabaseRegistry registry, StreamObserver<ImmutableState> out) {
    return new StreamObserver<>() {
      private DatabaseRestore restore;
      private long txId;
      private Sha256Digest alh;
      private boolean failed;

      @Override
      public void onNext(ImportRequest req) {
        if (failed) {
          return;
        }
        try {
          if (req.hasBegin()) {
            if (restore != null) {
              throw invalid("the import stream has more than one begin message");
            }
            if (req.getBegin().getTxId() < 1) {
              throw invalid("the import must end at a tx id of 1 or more");
            }
            txId = req.getBegin().getTxId();
            alh = WireCodec.digest(req.getBegin().getTxHash(), "txHash");
            restore = registry.beginRestore(req.getBegin().getDatabaseName());
          } else if (req.hasTx()) {
            if (restore == null) {
              throw invalid("the import stream must start with a begin message");
            }
            io.immudb.proto.ExportedTx tx = req.getTx();
            if (tx.getHeader().getNentries() < 1) {
              throw invalid("tx " + tx.getHeader().getId() + " has no entries");
            }
            restore.replicate(imported(tx));
          } else {
            throw invalid("an import message holds neither begin nor tx");
          }
        } catch (RuntimeException e) {
          abandon(e);
        }
      }

      @Override
      public void onError(Throwable t) {
        LOG.info("import cancelled by the client: {}", t.toString());
        failed = true;
        closeRestore();
      }

      @Override
      public void onCompleted() {
        if (failed) {
          return;
        }
        try {
          if (restore == null) {
            throw invalid("the import stream was empty");
          }
          ImmuState s = restore.finish(txId, alh);
          closeRestore();
          out.onNext(WireCodec.state(s).build());
          out.onCompleted();
        } catch (RuntimeException e) {
          abandon(e);
        }
      }

      private void abandon(RuntimeException e) {
        failed = true;
        closeRestore();
        StreamRpcs.fail(out, e);
      }

      private void closeRestore() {
        if (restore != null) {
          restore.close();
        }
      }
    };
  }

  /** {@code FlushIndex}: waits for the index to catch up and writes it to disk. */
  static FlushIndexResponse flushIndex(Database db, FlushIndexRequest req) {
    float p = req.getCleanupPercentage();
    if (!(p >= 0 && p <= 100)) {
      throw invalid("cleanupPercentage must be between 0 and 100, got " + p);
    }
    db.flushIndex();
    return FlushIndexResponse.newBuilder().setDatabase(db.name()).build();
  }

  private static ImmuException invalid(String message) {
    return new ImmuException(ErrorCode.INVALID_ARGUMENT, message);
  }

  private static ExportedTx imported(io.immudb.proto.ExportedTx tx) {
    List<StoredKeyValue> kvs = new ArrayList<>(tx.getEntriesCount());
    for (ExportedEntry e : tx.getEntriesList()) {
      kvs.add(new StoredKeyValue(e.getKey().toByteArray(), e.getValue().toByteArray()));
    }
    return new ExportedTx(WireCodec.txHeader(tx.getHeader()), kvs);
  }
}
