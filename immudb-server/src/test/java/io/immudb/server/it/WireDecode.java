package io.immudb.server.it;

import com.google.protobuf.ByteString;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.DualProof;
import io.immudb.core.proof.LinearProof;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.TxMetadata;
import java.util.List;

/** Test-only decoding of wire messages into core types, as a verifying client does. */
final class WireDecode {
  private WireDecode() {}

  static Sha256Digest d(ByteString b) {
    return Sha256Digest.of(b.toByteArray());
  }

  static List<Sha256Digest> ds(List<ByteString> l) {
    return l.stream().map(WireDecode::d).toList();
  }

  static TxHeader header(TxMetadata t) {
    return new TxHeader(
        t.getId(),
        d(t.getPrevAlh()),
        t.getTs(),
        t.getNentries(),
        d(t.getEH()),
        t.getBlTxId(),
        d(t.getBlRoot()));
  }

  static DualProof dualProof(io.immudb.proto.DualProof p) {
    io.immudb.proto.LinearProof l = p.getLinearProof();
    return new DualProof(
        header(p.getSourceTxMetadata()),
        header(p.getTargetTxMetadata()),
        ds(p.getInclusionProofList()),
        ds(p.getConsistencyProofList()),
        d(p.getTargetBlTxAlh()),
        ds(p.getLastInclusionProofList()),
        new LinearProof(l.getSourceTxId(), l.getTargetTxId(), ds(l.getTermsList())));
  }
}
