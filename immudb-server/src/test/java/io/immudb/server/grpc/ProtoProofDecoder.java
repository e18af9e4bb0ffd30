package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.DualProof;
import io.immudb.core.proof.LinearProof;
import io.immudb.core.tx.InclusionProof;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.TxMetadata;
import java.util.List;

/** Test-only decoding of the wire's proof messages (spec v1 §9.6) into the core proof types. */
final class ProtoProofDecoder {
  private ProtoProofDecoder() {}

  static Sha256Digest digest(ByteString b) {
    return Sha256Digest.of(b.toByteArray());
  }

  static List<Sha256Digest> digests(List<ByteString> bs) {
    return bs.stream().map(ProtoProofDecoder::digest).toList();
  }

  static TxHeader header(TxMetadata m) {
    return new TxHeader(
        m.getId(),
        digest(m.getPrevAlh()),
        m.getTs(),
        m.getNentries(),
        digest(m.getEH()),
        m.getBlTxId(),
        digest(m.getBlRoot()));
  }

  static List<TxEntry> entries(io.immudb.proto.Tx tx) {
    return tx.getEntriesList().stream()
        .map(e -> new TxEntry(e.getKey().toByteArray(), digest(e.getHValue()), e.getVLen()))
        .toList();
  }

  static InclusionProof inclusionProof(io.immudb.proto.InclusionProof p) {
    return new InclusionProof(p.getLeaf(), p.getWidth(), digests(p.getTermsList()));
  }

  static DualProof dualProof(io.immudb.proto.DualProof p) {
    io.immudb.proto.LinearProof l = p.getLinearProof();
    return new DualProof(
        header(p.getSourceTxMetadata()),
        header(p.getTargetTxMetadata()),
        digests(p.getInclusionProofList()),
        digests(p.getConsistencyProofList()),
        digest(p.getTargetBlTxAlh()),
        digests(p.getLastInclusionProofList()),
        new LinearProof(l.getSourceTxId(), l.getTargetTxId(), digests(l.getTermsList())));
  }
}
