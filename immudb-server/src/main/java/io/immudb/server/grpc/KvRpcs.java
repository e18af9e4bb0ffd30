package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import io.immudb.core.kv.KeyValue;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.InvalidRequestException.Kind;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.database.Op;
import io.immudb.embedded.database.ScanRequest;
import io.immudb.embedded.database.ZScanRequest;
import io.immudb.proto.Entries;
import io.immudb.proto.ExecAllRequest;
import io.immudb.proto.HistoryRequest;
import io.immudb.proto.KeyListRequest;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.ReferenceRequest;
import io.immudb.proto.SetRequest;
import io.immudb.proto.TxList;
import io.immudb.proto.TxMetadata;
import io.immudb.proto.TxScanRequest;
import io.immudb.proto.ZAddRequest;
import io.immudb.proto.ZEntries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The key-value RPCs of spec v1 §9.7 as plain functions of a {@link Database} and a request:
 * decoding, the request checks the wire adds (e.g. a tx id of 0), the call, and encoding. The gRPC
 * service resolves the caller's database and permissions before it calls these.
 *
 * <p>Stateless and thread-safe. Errors are the engine's {@link io.immudb.core.ImmuException}s,
 * turned into statuses by {@link StatusMapper}.
 */
public final class KvRpcs {
  private KvRpcs() {}

  static byte[] b(ByteString s) {
    return s.toByteArray();
  }

  /** {@code Set}: all pairs in one tx, in order. */
  public static TxMetadata set(Database db, SetRequest req) {
    return WireCodec.txMetadata(db.setAll(keyValues(req), req.getNoWait()));
  }

  /** As {@link #set}, without blocking; validation errors are thrown at once. */
  public static CompletableFuture<TxMetadata> setAsync(Database db, SetRequest req) {
    return db.setAllAsync(keyValues(req), req.getNoWait()).thenApply(WireCodec::txMetadata);
  }

  static List<KeyValue> keyValues(SetRequest req) {
    List<KeyValue> kvs = new ArrayList<>(req.getKVsCount());
    for (io.immudb.proto.KeyValue kv : req.getKVsList()) {
      kvs.add(new KeyValue(b(kv.getKey()), b(kv.getValue())));
    }
    return kvs;
  }

  /** {@code Get}: latest, at a tx, or once the index reached a tx. */
  public static io.immudb.proto.Entry get(Database db, KeyRequest req) {
    return WireCodec.entry(db.get(b(req.getKey()), req.getAtTx(), req.getSinceTx()));
  }

  /** {@code GetAll}: every key, in order; fails as a whole. */
  public static Entries getAll(Database db, KeyListRequest req) {
    List<byte[]> keys = req.getKeysList().stream().map(KvRpcs::b).toList();
    Entries.Builder out = Entries.newBuilder();
    db.getAll(keys, req.getSinceTx()).forEach(e -> out.addEntries(WireCodec.entry(e)));
    return out.build();
  }

  /** {@code Scan}. */
  public static Entries scan(Database db, io.immudb.proto.ScanRequest req) {
    ScanRequest r =
        ScanRequest.builder()
            .prefix(b(req.getPrefix()))
            .seekKey(b(req.getSeekKey()))
            .desc(req.getDesc())
            .limit(req.getLimit())
            .sinceTx(req.getSinceTx())
            .noWait(req.getNoWait())
            .build();
    Entries.Builder out = Entries.newBuilder();
    db.scan(r).forEach(e -> out.addEntries(WireCodec.entry(e)));
    return out.build();
  }

  /** {@code History}: versions of a key, references not resolved. */
  public static Entries history(Database db, HistoryRequest req) {
    if (req.getLimit() < 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "negative limit");
    }
    Entries.Builder out = Entries.newBuilder();
    db.history(b(req.getKey()), req.getOffset(), req.getLimit(), req.getDesc(), req.getSinceTx())
        .forEach(e -> out.addEntries(WireCodec.entry(e)));
    return out.build();
  }

  /** {@code TxById}. */
  public static io.immudb.proto.Tx txById(Database db, long txId) {
    return WireCodec.tx(db.txById(txId));
  }

  /** {@code TxScan}. */
  public static TxList txScan(Database db, TxScanRequest req) {
    TxList.Builder out = TxList.newBuilder();
    db.txScan(req.getInitialTx(), Integer.toUnsignedLong(req.getLimit()), req.getDesc())
        .forEach(t -> out.addTxs(WireCodec.tx(t)));
    return out.build();
  }

  /** {@code SetReference}. */
  public static TxMetadata setReference(Database db, ReferenceRequest req) {
    return WireCodec.txMetadata(
        db.setReference(
            b(req.getKey()),
            b(req.getReferencedKey()),
            req.getAtTx(),
            req.getBoundRef(),
            req.getNoWait()));
  }

  /** {@code ZAdd}. */
  public static TxMetadata zAdd(Database db, ZAddRequest req) {
    return WireCodec.txMetadata(
        db.zAdd(
            b(req.getSet()),
            req.getScore(),
            b(req.getKey()),
            req.getAtTx(),
            req.getBoundRef(),
            req.getNoWait()));
  }

  /** {@code ZScan}. */
  public static ZEntries zScan(Database db, io.immudb.proto.ZScanRequest req) {
    ZScanRequest.Builder r =
        ZScanRequest.builder(b(req.getSet()))
            .limit(req.getLimit())
            .desc(req.getDesc())
            .sinceTx(req.getSinceTx())
            .noWait(req.getNoWait());
    if (!req.getSeekKey().isEmpty()) {
      r.seek(b(req.getSeekKey()), req.getSeekScore(), req.getSeekAtTx(), req.getInclusiveSeek());
    }
    if (req.hasMinScore()) {
      r.minScore(req.getMinScore().getScore());
    }
    if (req.hasMaxScore()) {
      r.maxScore(req.getMaxScore().getScore());
    }
    ZEntries.Builder out = ZEntries.newBuilder();
    db.zScan(r.build()).forEach(z -> out.addEntries(WireCodec.zEntry(z)));
    return out.build();
  }

  /** {@code ExecAll}: every operation in one tx; an {@code Op} with nothing set is refused. */
  public static TxMetadata execAll(Database db, ExecAllRequest req) {
    List<Op> ops = new ArrayList<>(req.getOperationsCount());
    for (io.immudb.proto.Op op : req.getOperationsList()) {
      switch (op.getOperationCase()) {
        case KV -> ops.add(new Op.Kv(b(op.getKv().getKey()), b(op.getKv().getValue())));
        case REF -> {
          ReferenceRequest r = op.getRef();
          ops.add(new Op.Ref(b(r.getKey()), b(r.getReferencedKey()), r.getAtTx(), r.getBoundRef()));
        }
        case ZADD -> {
          ZAddRequest z = op.getZAdd();
          ops.add(
              new Op.ZAdd(
                  b(z.getSet()), z.getScore(), b(z.getKey()), z.getAtTx(), z.getBoundRef()));
        }
        default -> throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "empty operation");
      }
    }
    return WireCodec.txMetadata(db.execAll(ops, req.getNoWait()));
  }
}
