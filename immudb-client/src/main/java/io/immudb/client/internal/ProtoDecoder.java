package io.immudb.client.internal;

import com.google.protobuf.ByteString;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.Reference;
import io.immudb.core.kv.ZEntry;
import io.immudb.core.proof.DualProof;
import io.immudb.core.proof.LinearProof;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.tx.InclusionProof;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.TxMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the wire's messages (spec v1 §9.6) into the core and client types. Whatever the server
 * sends is untrusted: a missing part or a digest that is not 32 bytes is a {@link
 * VerificationException} ({@code MALFORMED_PROOF}), never an unchecked exception. Stateless.
 */
public final class ProtoDecoder {
  private ProtoDecoder() {}

  static Sha256Digest digest(ByteString b, String what) throws VerificationException {
    if (b.size() != Sha256Digest.LENGTH) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF, what + " has " + b.size() + " bytes, not 32");
    }
    return Sha256Digest.of(b.toByteArray());
  }

  static List<Sha256Digest> digests(List<ByteString> bs, String what) throws VerificationException {
    List<Sha256Digest> out = new ArrayList<>(bs.size());
    for (ByteString b : bs) {
      out.add(digest(b, what));
    }
    return out;
  }

  /** A tx header; no field may be missing. */
  public static TxHeader header(TxMetadata m) throws VerificationException {
    Sha256Digest prevAlh = digest(m.getPrevAlh(), "prevAlh");
    Sha256Digest eh = digest(m.getEH(), "eH");
    Sha256Digest blRoot = digest(m.getBlRoot(), "blRoot");
    return checked(
        () ->
            new TxHeader(m.getId(), prevAlh, m.getTs(), m.getNentries(), eh, m.getBlTxId(), blRoot),
        "tx header");
  }

  /** The wire form of {@code h} (for the import stream). */
  public static TxMetadata metadata(TxHeader h) {
    return TxMetadata.newBuilder()
        .setId(h.id())
        .setPrevAlh(com.google.protobuf.ByteString.copyFrom(h.prevAlh().toByteArray()))
        .setTs(h.ts())
        .setNentries(h.nEntries())
        .setEH(com.google.protobuf.ByteString.copyFrom(h.eh().toByteArray()))
        .setBlTxId(h.blTxId())
        .setBlRoot(com.google.protobuf.ByteString.copyFrom(h.blRoot().toByteArray()))
        .build();
  }

  private interface Construction<T> {
    T get();
  }

  /**
   * Builds a core value, turning the constructor's rejection of an out-of-range field into a {@link
   * VerificationException}: whatever the server sends must not escape as an unchecked exception.
   */
  private static <T> T checked(Construction<T> c, String what) throws VerificationException {
    try {
      return c.get();
    } catch (IllegalArgumentException | NullPointerException | IndexOutOfBoundsException e) {
      VerificationException v =
          new VerificationException(
              Reason.MALFORMED_PROOF,
              "the server sent a malformed " + what + ": " + e.getMessage());
      v.initCause(e);
      throw v;
    }
  }

  /** A tx header for display (no checks needed): unverified digests may be of any length. */
  public static TxHeader headerUnchecked(TxMetadata m) {
    try {
      return header(m);
    } catch (VerificationException e) {
      throw new IllegalStateException("the server sent a malformed tx header: " + e.getMessage());
    }
  }

  /** A whole tx: header and entries (keys, value hashes and lengths). */
  public static Tx tx(io.immudb.proto.Tx t) throws VerificationException {
    require(t.hasMetadata(), "tx without metadata");
    List<TxEntry> entries = new ArrayList<>(t.getEntriesCount());
    for (io.immudb.proto.TxEntry e : t.getEntriesList()) {
      Sha256Digest hValue = digest(e.getHValue(), "hValue");
      entries.add(
          checked(() -> new TxEntry(e.getKey().toByteArray(), hValue, e.getVLen()), "tx entry"));
    }
    TxHeader h = header(t.getMetadata());
    return checked(() -> new Tx(h, entries), "tx");
  }

  public static InclusionProof inclusionProof(io.immudb.proto.InclusionProof p)
      throws VerificationException {
    List<Sha256Digest> terms = digests(p.getTermsList(), "inclusion term");
    return checked(() -> new InclusionProof(p.getLeaf(), p.getWidth(), terms), "inclusion proof");
  }

  /** A dual proof; both headers and the linear proof must be present. */
  public static DualProof dualProof(io.immudb.proto.DualProof p) throws VerificationException {
    require(p.hasSourceTxMetadata() && p.hasTargetTxMetadata(), "dual proof without metadata");
    require(p.hasLinearProof(), "dual proof without linear proof");
    io.immudb.proto.LinearProof l = p.getLinearProof();
    ByteString blAlh = p.getTargetBlTxAlh();
    TxHeader source = header(p.getSourceTxMetadata());
    TxHeader target = header(p.getTargetTxMetadata());
    List<Sha256Digest> incl = digests(p.getInclusionProofList(), "AHT inclusion term");
    List<Sha256Digest> cons = digests(p.getConsistencyProofList(), "AHT consistency term");
    Sha256Digest targetBlTxAlh =
        blAlh.isEmpty() ? Sha256Digest.ZERO : digest(blAlh, "targetBlTxAlh");
    List<Sha256Digest> last = digests(p.getLastInclusionProofList(), "AHT last-inclusion term");
    List<Sha256Digest> linear = digests(l.getTermsList(), "linear term");
    return checked(
        () ->
            new DualProof(
                source,
                target,
                incl,
                cons,
                targetBlTxAlh,
                last,
                new LinearProof(l.getSourceTxId(), l.getTargetTxId(), linear)),
        "dual proof");
  }

  static void require(boolean ok, String what) throws VerificationException {
    if (!ok) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF, "the server's answer is malformed: " + what);
    }
  }

  /** An entry as the server sent it (unverified). */
  public static Entry entry(io.immudb.proto.Entry e) {
    Reference ref =
        e.hasReferencedBy()
            ? new Reference(
                e.getReferencedBy().getTx(),
                e.getReferencedBy().getKey().toByteArray(),
                e.getReferencedBy().getAtTx())
            : null;
    return new Entry(e.getTx(), e.getKey().toByteArray(), e.getValue().toByteArray(), ref);
  }

  public static List<Entry> entries(io.immudb.proto.Entries es) {
    return es.getEntriesList().stream().map(ProtoDecoder::entry).toList();
  }

  public static ZEntry zEntry(io.immudb.proto.ZEntry z) {
    return new ZEntry(
        z.getSet().toByteArray(),
        z.getKey().toByteArray(),
        entry(z.getEntry()),
        z.getScore(),
        z.getAtTx());
  }
}
