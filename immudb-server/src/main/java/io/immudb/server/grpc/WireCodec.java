package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.Reference;
import io.immudb.core.kv.ZEntry;
import io.immudb.core.proof.DualProof;
import io.immudb.core.proof.LinearProof;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.InclusionProof;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.database.VerifiableEntry;
import io.immudb.embedded.database.VerifiableTx;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.TxMetadata;
import java.util.List;

/**
 * Encodes the engine's values as the wire messages of spec v1 §9.6 (server → client).
 *
 * <p>Every digest goes out as exactly 32 bytes (spec v1 §14 item 2); {@code TxEntry.key} is the
 * full stored key, entries' keys and values are user bytes (spec v1 §3.5). Stateless and
 * thread-safe.
 */
public final class WireCodec {
  private WireCodec() {}

  static ByteString bytes(Sha256Digest d) {
    return ByteString.copyFrom(d.toByteArray());
  }

  private static List<ByteString> digests(List<Sha256Digest> ds) {
    return ds.stream().map(WireCodec::bytes).toList();
  }

  /** {@code TxMetadata} (spec v1 §5.1). */
  public static TxMetadata txMetadata(TxHeader h) {
    return TxMetadata.newBuilder()
        .setId(h.id())
        .setPrevAlh(bytes(h.prevAlh()))
        .setTs(h.ts())
        .setNentries(h.nEntries())
        .setEH(bytes(h.eh()))
        .setBlTxId(h.blTxId())
        .setBlRoot(bytes(h.blRoot()))
        .build();
  }

  /**
   * A header sent by a client; a digest of the wrong length or an impossible field is refused.
   *
   * @throws io.immudb.core.ImmuException {@code INVALID_ARGUMENT} naming the field
   */
  public static TxHeader txHeader(TxMetadata m) {
    try {
      return new TxHeader(
          m.getId(),
          digest(m.getPrevAlh(), "prevAlh"),
          m.getTs(),
          m.getNentries(),
          digest(m.getEH(), "eH"),
          m.getBlTxId(),
          digest(m.getBlRoot(), "blRoot"));
    } catch (IllegalArgumentException e) {
      throw new io.immudb.core.ImmuException(
          io.immudb.core.ErrorCode.INVALID_ARGUMENT,
          "tx " + m.getId() + " has an invalid header: " + e.getMessage());
    }
  }

  /**
   * A SHA-256 digest sent by a client.
   *
   * @throws io.immudb.core.ImmuException {@code INVALID_ARGUMENT} if it has not 32 bytes
   */
  static Sha256Digest digest(ByteString b, String what) {
    if (b.size() != Sha256Digest.LENGTH) {
      throw new io.immudb.core.ImmuException(
          io.immudb.core.ErrorCode.INVALID_ARGUMENT, what + " must have 32 bytes, got " + b.size());
    }
    return Sha256Digest.of(b.toByteArray());
  }

  /** {@code Tx}: header and entries in commit order (spec v1 §5.5). */
  public static io.immudb.proto.Tx tx(io.immudb.core.tx.Tx tx) {
    io.immudb.proto.Tx.Builder b =
        io.immudb.proto.Tx.newBuilder().setMetadata(txMetadata(tx.header()));
    for (TxEntry e : tx.entries()) {
      b.addEntries(
          io.immudb.proto.TxEntry.newBuilder()
              .setKey(ByteString.copyFrom(e.key()))
              .setHValue(bytes(e.hValue()))
              .setVLen(e.vLen()));
    }
    return b.build();
  }

  /** {@code InclusionProof} with bottom-up terms (spec v1 §4.2). */
  public static io.immudb.proto.InclusionProof inclusionProof(InclusionProof p) {
    return io.immudb.proto.InclusionProof.newBuilder()
        .setLeaf(p.leaf())
        .setWidth(p.width())
        .addAllTerms(digests(p.terms()))
        .build();
  }

  /** {@code LinearProof} (spec v1 §7.1). */
  public static io.immudb.proto.LinearProof linearProof(LinearProof p) {
    return io.immudb.proto.LinearProof.newBuilder()
        .setSourceTxId(p.sourceTxId())
        .setTargetTxId(p.targetTxId())
        .addAllTerms(digests(p.terms()))
        .build();
  }

  /** {@code DualProof}, both headers always present (spec v1 §7.2, §14 item 13). */
  public static io.immudb.proto.DualProof dualProof(DualProof p) {
    return io.immudb.proto.DualProof.newBuilder()
        .setSourceTxMetadata(txMetadata(p.sourceTxHeader()))
        .setTargetTxMetadata(txMetadata(p.targetTxHeader()))
        .addAllInclusionProof(digests(p.inclusionProof()))
        .addAllConsistencyProof(digests(p.consistencyProof()))
        .setTargetBlTxAlh(bytes(p.targetBlTxAlh()))
        .addAllLastInclusionProof(digests(p.lastInclusionProof()))
        .setLinearProof(linearProof(p.linearProof()))
        .build();
  }

  /** {@code VerifiableTx} without a signature; the caller adds one if the server signs. */
  public static io.immudb.proto.VerifiableTx.Builder verifiableTx(VerifiableTx v) {
    return io.immudb.proto.VerifiableTx.newBuilder()
        .setTx(tx(v.tx()))
        .setDualProof(dualProof(v.dualProof()));
  }

  /** {@code Entry}: user key and value, tx, and the reference that led to it (spec v1 §9.6). */
  public static io.immudb.proto.Entry entry(Entry e) {
    io.immudb.proto.Entry.Builder b =
        io.immudb.proto.Entry.newBuilder()
            .setTx(e.tx())
            .setKey(ByteString.copyFrom(e.key()))
            .setValue(ByteString.copyFrom(e.value()));
    e.referencedBy().ifPresent(r -> b.setReferencedBy(reference(r)));
    return b.build();
  }

  static io.immudb.proto.Reference reference(Reference r) {
    return io.immudb.proto.Reference.newBuilder()
        .setTx(r.tx())
        .setKey(ByteString.copyFrom(r.key()))
        .setAtTx(r.atTx())
        .build();
  }

  /** {@code ZEntry} (spec v1 §9.7 ZScan). */
  public static io.immudb.proto.ZEntry zEntry(ZEntry z) {
    return io.immudb.proto.ZEntry.newBuilder()
        .setSet(ByteString.copyFrom(z.set()))
        .setKey(ByteString.copyFrom(z.key()))
        .setEntry(entry(z.entry()))
        .setScore(z.score())
        .setAtTx(z.atTx())
        .build();
  }

  /** {@code VerifiableEntry} without a signature (spec v1 §7.4 VerifiableGet). */
  public static io.immudb.proto.VerifiableEntry.Builder verifiableEntry(VerifiableEntry v) {
    return io.immudb.proto.VerifiableEntry.newBuilder()
        .setEntry(entry(v.entry()))
        .setVerifiableTx(verifiableTx(v.verifiableTx()))
        .setInclusionProof(inclusionProof(v.inclusionProof()));
  }

  /** {@code ImmutableState} without a signature (spec v1 §8.1). */
  public static ImmutableState.Builder state(ImmuState s) {
    return ImmutableState.newBuilder().setDb(s.db()).setTxId(s.txId()).setTxHash(bytes(s.txHash()));
  }
}
