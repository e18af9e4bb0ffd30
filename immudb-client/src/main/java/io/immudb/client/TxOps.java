package io.immudb.client;

import com.google.protobuf.Empty;
import io.immudb.client.internal.ProtoDecoder;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import io.immudb.proto.ImmutableState;
import java.util.List;

/**
 * The unverified tx-log reads of {@link ImmuClient}: the server's current state, a tx by id, and tx
 * scans, decoded but taken as the server says. Thread-safe (stateless over the shared {@link
 * Connection}).
 */
final class TxOps {
  private final Connection conn;

  TxOps(Connection conn) {
    this.conn = conn;
  }

  ImmuState currentState() {
    ImmutableState st = conn.call(s -> s.currentState(Empty.getDefaultInstance()));
    return new ImmuState(st.getDb(), st.getTxId(), Sha256Digest.of(st.getTxHash().toByteArray()));
  }

  Tx txById(long txId) {
    io.immudb.proto.Tx t =
        conn.call(s -> s.txById(io.immudb.proto.TxRequest.newBuilder().setTx(txId).build()));
    return decodeTx(t);
  }

  List<Tx> txScan(long initialTx, int limit, boolean desc) {
    return conn
        .call(
            s ->
                s.txScan(
                    io.immudb.proto.TxScanRequest.newBuilder()
                        .setInitialTx(initialTx)
                        .setLimit(limit)
                        .setDesc(desc)
                        .build()))
        .getTxsList()
        .stream()
        .map(TxOps::decodeTx)
        .toList();
  }

  private static Tx decodeTx(io.immudb.proto.Tx t) {
    try {
      return ProtoDecoder.tx(t);
    } catch (VerificationException e) {
      throw new ImmuClientException(
          io.grpc.Status.Code.INTERNAL, "the server sent a malformed tx: " + e.getMessage(), e);
    }
  }
}
