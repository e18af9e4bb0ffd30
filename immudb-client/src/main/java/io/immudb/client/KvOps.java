package io.immudb.client;

import static io.immudb.client.Requests.bytes;

import com.google.protobuf.Empty;
import io.immudb.client.internal.ProtoDecoder;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.kv.ZEntry;
import io.immudb.core.tx.TxHeader;
import java.util.List;

/**
 * The key-value calls of {@link ImmuClient}, unverified: writes (set, references, sorted sets,
 * execAll) and reads (get, scan, history, zScan, count), as the server answers them. Thread-safe
 * (stateless over the shared {@link Connection}).
 */
final class KvOps {
  private final Connection conn;

  KvOps(Connection conn) {
    this.conn = conn;
  }

  TxHeader setAll(List<KeyValue> kvs) {
    io.immudb.proto.SetRequest.Builder r = io.immudb.proto.SetRequest.newBuilder();
    kvs.forEach(kv -> r.addKVs(Requests.kv(kv.key(), kv.value())));
    return ProtoDecoder.headerUnchecked(conn.call(s -> s.set(r.build())));
  }

  TxHeader setReferenceAt(byte[] key, byte[] referencedKey, long atTx) {
    return ProtoDecoder.headerUnchecked(
        conn.call(s -> s.setReference(Requests.refRequest(key, referencedKey, atTx))));
  }

  TxHeader zAddAt(byte[] set, double score, byte[] key, long atTx) {
    return ProtoDecoder.headerUnchecked(
        conn.call(s -> s.zAdd(Requests.zAddRequest(set, score, key, atTx))));
  }

  TxHeader execAll(List<ExecOp> ops) {
    io.immudb.proto.ExecAllRequest.Builder r = io.immudb.proto.ExecAllRequest.newBuilder();
    for (ExecOp op : ops) {
      io.immudb.proto.Op.Builder o = io.immudb.proto.Op.newBuilder();
      if (op instanceof ExecOp.Kv k) {
        o.setKv(Requests.kv(k.key(), k.value()));
      } else if (op instanceof ExecOp.Ref ref) {
        o.setRef(Requests.refRequest(ref.key(), ref.referencedKey(), ref.atTx()));
      } else if (op instanceof ExecOp.ZAdd z) {
        o.setZAdd(Requests.zAddRequest(z.set(), z.score(), z.key(), z.atTx()));
      }
      r.addOperations(o);
    }
    return ProtoDecoder.headerUnchecked(conn.call(s -> s.execAll(r.build())));
  }

  /** The value of {@code key} at tx {@code atTx} (0: the latest) once the index reached sinceTx. */
  Entry get(byte[] key, long atTx, long sinceTx) {
    return ProtoDecoder.entry(conn.call(s -> s.get(Requests.keyRequest(key, atTx, sinceTx))));
  }

  List<Entry> getAll(List<byte[]> keys) {
    io.immudb.proto.KeyListRequest.Builder r = io.immudb.proto.KeyListRequest.newBuilder();
    keys.forEach(k -> r.addKeys(bytes(k)));
    return ProtoDecoder.entries(conn.call(s -> s.getAll(r.build())));
  }

  List<Entry> history(byte[] key, long offset, int limit, boolean desc) {
    return ProtoDecoder.entries(
        conn.call(
            s ->
                s.history(
                    io.immudb.proto.HistoryRequest.newBuilder()
                        .setKey(bytes(key))
                        .setOffset(offset)
                        .setLimit(limit)
                        .setDesc(desc)
                        .build())));
  }

  List<Entry> scan(byte[] prefix, byte[] seekKey, long limit, boolean desc) {
    return ProtoDecoder.entries(
        conn.call(
            s ->
                s.scan(
                    io.immudb.proto.ScanRequest.newBuilder()
                        .setPrefix(bytes(prefix))
                        .setSeekKey(bytes(seekKey))
                        .setLimit(limit)
                        .setDesc(desc)
                        .build())));
  }

  List<ZEntry> zScan(byte[] set, long limit, boolean desc) {
    return conn
        .call(
            s ->
                s.zScan(
                    io.immudb.proto.ZScanRequest.newBuilder()
                        .setSet(bytes(set))
                        .setLimit(limit)
                        .setDesc(desc)
                        .build()))
        .getEntriesList()
        .stream()
        .map(ProtoDecoder::zEntry)
        .toList();
  }

  long count(byte[] prefix) {
    return conn.call(
            s -> s.count(io.immudb.proto.KeyPrefix.newBuilder().setPrefix(bytes(prefix)).build()))
        .getCount();
  }

  long countAll() {
    return conn.call(s -> s.countAll(Empty.getDefaultInstance())).getCount();
  }
}
