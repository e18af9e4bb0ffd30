package io.immudb.client.internal;

import com.google.protobuf.ByteString;
import io.immudb.client.Entry;
import io.immudb.client.ZEntry;
import io.immudb.core.crypto.Sha256Digest;
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
    return new TxHeader(
        m.getId(),
        digest(m.getPrevAlh(), "prevAlh"),
        m.getTs(),
        m.getNentries(),
        digest(m.getEH(), "eH"),
        m.getBlTxId(),
        digest(m.getBlRoot(), "blRoot"));
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
      entries.add(
          new TxEntry(e.getKey().toByteArray(), digest(e.getHValue(), "hValue"), e.getVLen()));
    }
    return new Tx(header(t.getMetadata()), entries);
  }

  public static InclusionProof inclusionProof(io.immudb.proto.InclusionProof p)
      throws VerificationException {
    return new InclusionProof(
        p.getLeaf(), p.getWidth(), digests(p.getTermsList(), "inclusion term"));
  }

  /** A dual proof; both headers and the linear proof must be present. */
  public static DualProof dualProof(io.immudb.proto.DualProof p) throws VerificationException {
    require(p.hasSourceTxMetadata() && p.hasTargetTxMetadata(), "dual proof without metadata");
    require(p.hasLinearProof(), "dual proof without linear proof");
    io.immudb.proto.LinearProof l = p.getLinearProof();
    ByteString blAlh = p.getTargetBlTxAlh();
    return new DualProof(
        header(p.getSourceTxMetadata()),
        header(p.getTargetTxMetadata()),
        digests(p.getInclusionProofList(), "AHT inclusion term"),
        digests(p.getConsistencyProofList(), "AHT consistency term"),
        blAlh.isEmpty() ? Sha256Digest.ZERO : digest(blAlh, "targetBlTxAlh"),
        digests(p.getLastInclusionProofList(), "AHT last-inclusion term"),
        new LinearProof(
            l.getSourceTxId(), l.getTargetTxId(), digests(l.getTermsList(), "linear term")));
  }

  static void require(boolean ok, String what) throws VerificationException {
    if (!ok) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF, "the server's answer is malformed: " + what);
    }
  }

  /** An entry as the server sent it (unverified). */
  public static Entry entry(io.immudb.proto.Entry e) {
    Entry.Reference ref =
        e.hasReferencedBy()
            ? new Entry.Reference(
                e.getReferencedBy().getTx(),
                e.getReferencedBy().getKey().toByteArray(),
                e.getReferencedBy().getAtTx())
            : null;
    return new Entry(e.getKey().toByteArray(), e.getValue().toByteArray(), e.getTx(), ref);
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
