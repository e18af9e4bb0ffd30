package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.embedded.database.Database;
import io.immudb.proto.Chunk;
import io.immudb.proto.Entries;
import io.immudb.proto.Entry;
import io.immudb.proto.HistoryRequest;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.ScanRequest;
import io.immudb.proto.TxMetadata;
import io.immudb.proto.VerifiableEntry;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.VerifiableSetRequest;
import io.immudb.proto.VerifiableTx;
import io.immudb.proto.ZEntries;
import io.immudb.proto.ZEntry;
import io.immudb.proto.ZScanRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming RPCs of spec v1 §12 as functions of a {@link Database}: the same calls as {@link
 * KvRpcs} and {@link VerifiableRpcs}, with requests read from or answers written to {@link Chunk}
 * streams ({@link ChunkReader}, {@link ChunkWriter}). The gRPC service resolves the caller's
 * database and permissions (spec v1 §9.4) before it calls these.
 *
 * <p>Server streams are computed in full before the first chunk goes out, so a failure never leaves
 * a half-written stream. Spec v1 §12 forbids zero-length messages, so an empty value cannot be
 * streamed: reads of an empty value fail with FAILED_PRECONDITION, writes of one with
 * INVALID_ARGUMENT (use the unary RPCs for empty values).
 *
 * <p>Stateless and thread-safe; each call gets its own reader or writer.
 */
public final class StreamRpcs {
  private static final Logger LOG = LoggerFactory.getLogger(StreamRpcs.class);

  /**
   * The largest inbound message, and message of a client stream, when no {@code
   * --max-recv-msg-size} is given: 32 MiB (spec v1 §9.1).
   */
  public static final int DEFAULT_MAX_RECV_MSG_SIZE = 32 << 20;

  /**
   * The most payload bytes one client stream may carry in all: the engine's bound on the values of
   * one transaction (2 GiB), so no transaction the engine would take is refused.
   */
  static final long MAX_STREAM_BYTES = Integer.MAX_VALUE;

  private StreamRpcs() {}

  /** {@code streamGet}: 2 messages, the user key and the value. */
  public static void streamGet(Database db, KeyRequest req, StreamObserver<Chunk> out) {
    Entry e = KvRpcs.get(db, req);
    requireStreamable(e);
    ChunkWriter w = new ChunkWriter(out);
    w.send(e.getKey());
    w.send(e.getValue());
    out.onCompleted();
  }

  /**
   * {@code streamVerifiableGet}: 4 messages, the serialized {@code Entry} without its value, the
   * serialized {@code VerifiableTx}, the serialized {@code InclusionProof}, the raw value.
   */
  public static void streamVerifiableGet(
      Database db, VerifiableGetRequest req, StreamObserver<Chunk> out) {
    VerifiableEntry v = VerifiableRpcs.verifiableGet(db, req).build();
    requireStreamable(v.getEntry());
    ChunkWriter w = new ChunkWriter(out);
    w.send(v.getEntry().toBuilder().clearValue().build().toByteString());
    w.send(v.getVerifiableTx().toByteString());
    w.send(v.getInclusionProof().toByteString());
    w.send(v.getEntry().getValue());
    out.onCompleted();
  }

  /** {@code streamScan}: a key and a value message per entry. */
  public static void streamScan(Database db, ScanRequest req, StreamObserver<Chunk> out) {
    sendPairs(KvRpcs.scan(db, req), out);
  }

  /** {@code streamHistory}: a key and a value message per version. */
  public static void streamHistory(Database db, HistoryRequest req, StreamObserver<Chunk> out) {
    sendPairs(KvRpcs.history(db, req), out);
  }

  /**
   * {@code streamZScan}: 5 messages per member: set, member key, score ({@code f64}), atTx ({@code
   * u64}), value.
   */
  public static void streamZScan(Database db, ZScanRequest req, StreamObserver<Chunk> out) {
    ZEntries zs = KvRpcs.zScan(db, req);
    zs.getEntriesList().forEach(z -> requireStreamable(z.getEntry()));
    ChunkWriter w = new ChunkWriter(out);
    for (ZEntry z : zs.getEntriesList()) {
      w.send(z.getSet());
      w.send(z.getKey());
      w.sendDouble(z.getScore());
      w.sendLong(z.getAtTx());
      w.send(z.getEntry().getValue());
    }
    out.onCompleted();
  }

  /** {@code streamSet}: key and value messages, alternating, committed as one tx at the end. */
  public static StreamObserver<Chunk> streamSet(
      Database db, StreamObserver<TxMetadata> out, int maxRecvMsgSize) {
    KvStreamParser p = new KvStreamParser(db.limits(), maxRecvMsgSize, false);
    return new ChunkRequestObserver<>(out, p, () -> KvRpcs.set(db, p.request()), MAX_STREAM_BYTES);
  }

  /** {@code streamVerifiableSet}: {@code u64(proveSinceTx)}, then key and value messages. */
  public static StreamObserver<Chunk> streamVerifiableSet(
      Database db, StreamObserver<VerifiableTx> out, int maxRecvMsgSize) {
    KvStreamParser p = new KvStreamParser(db.limits(), maxRecvMsgSize, true);
    return new ChunkRequestObserver<>(
        out,
        p,
        () ->
            VerifiableRpcs.verifiableSet(
                    db,
                    VerifiableSetRequest.newBuilder()
                        .setSetRequest(p.request())
                        .setProveSinceTx(p.proveSinceTx())
                        .build())
                .build(),
        MAX_STREAM_BYTES);
  }

  /** {@code streamExecAll}: typed KV and ZAdd operations, committed as one tx at the end. */
  public static StreamObserver<Chunk> streamExecAll(
      Database db, StreamObserver<TxMetadata> out, int maxRecvMsgSize) {
    ExecAllStreamParser p = new ExecAllStreamParser(db.limits(), maxRecvMsgSize);
    return new ChunkRequestObserver<>(
        out, p, () -> KvRpcs.execAll(db, p.request()), MAX_STREAM_BYTES);
  }

  /**
   * Ends a call with the status of {@code e} ({@link StatusMapper}), logging it first if it is our
   * bug rather than a refused request.
   */
  public static void fail(StreamObserver<?> out, RuntimeException e) {
    if (!(e instanceof ImmuException) && !(e instanceof StatusRuntimeException)) {
      LOG.error("internal error", e);
    }
    out.onError(StatusMapper.toStatus(e));
  }

  /** A request observer that ignores everything, for a client stream refused before it started. */
  public static <T> StreamObserver<T> discard() {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {}

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    };
  }

  private static void sendPairs(Entries entries, StreamObserver<Chunk> out) {
    entries.getEntriesList().forEach(StreamRpcs::requireStreamable);
    ChunkWriter w = new ChunkWriter(out);
    for (Entry e : entries.getEntriesList()) {
      w.send(e.getKey());
      w.send(e.getValue());
    }
    out.onCompleted();
  }

  private static void requireStreamable(Entry e) {
    if (e.getValue().isEmpty()) {
      throw new ImmuException(
          ErrorCode.FAILED_PRECONDITION,
          "the value of key "
              + printable(e.getKey())
              + " (tx "
              + e.getTx()
              + ") is empty and cannot be streamed: spec v1 §12 forbids zero-length messages;"
              + " read it with the non-streaming RPC");
    }
  }

  private static String printable(ByteString key) {
    String s = key.toStringUtf8();
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? '"' + s + '"' : "0x" + hex(key);
  }

  private static String hex(ByteString b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.size(); i++) {
      sb.append(String.format("%02x", b.byteAt(i)));
    }
    return sb.toString();
  }
}
