package io.immudb.core.proof;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.reference.ProofMutations;
import io.immudb.core.tx.TxHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named mutations of a valid dual-proof check: each header field, each proof term, each list's
 * length, {@code targetBlTxAlh}, the linear proof, the expected ids and Alhs, missing parts. Every
 * mutation must be rejected.
 */
public final class DualProofMutations {
  private DualProofMutations() {}

  /** The inputs of one {@link DualProofVerifier#verify} call. */
  public record Check(
      DualProof proof,
      long sourceId,
      long targetId,
      Sha256Digest sourceAlh,
      Sha256Digest targetAlh) {
    Check withProof(DualProof p) {
      return new Check(p, sourceId, targetId, sourceAlh, targetAlh);
    }
  }

  /** The header fields, in {@code TxHeader} order. */
  public static final List<String> HEADER_FIELDS =
      List.of("id", "prevAlh", "ts", "nEntries", "eh", "blTxId", "blRoot");

  /** {@code h} with one field changed, or null if the change makes no valid header. */
  public static TxHeader mutateHeader(TxHeader h, String field) {
    try {
      return switch (field) {
        case "id" ->
            new TxHeader(
                h.id() + 1, h.prevAlh(), h.ts(), h.nEntries(), h.eh(), h.blTxId(), h.blRoot());
        case "prevAlh" ->
            new TxHeader(
                h.id(), flip(h.prevAlh()), h.ts(), h.nEntries(), h.eh(), h.blTxId(), h.blRoot());
        case "ts" ->
            new TxHeader(
                h.id(), h.prevAlh(), h.ts() + 1, h.nEntries(), h.eh(), h.blTxId(), h.blRoot());
        case "nEntries" ->
            new TxHeader(
                h.id(), h.prevAlh(), h.ts(), h.nEntries() + 1, h.eh(), h.blTxId(), h.blRoot());
        case "eh" ->
            new TxHeader(
                h.id(), h.prevAlh(), h.ts(), h.nEntries(), flip(h.eh()), h.blTxId(), h.blRoot());
        case "blTxId" ->
            new TxHeader(
                h.id(),
                h.prevAlh(),
                h.ts(),
                h.nEntries(),
                h.eh(),
                h.blTxId() > 0 ? h.blTxId() - 1 : h.blTxId() + 1,
                h.blRoot());
        case "blRoot" ->
            new TxHeader(
                h.id(), h.prevAlh(), h.ts(), h.nEntries(), h.eh(), h.blTxId(), flip(h.blRoot()));
        default -> throw new IllegalArgumentException(field);
      };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Sha256Digest flip(Sha256Digest d) {
    return ProofMutations.flipBit(d, 0);
  }

  /**
   * Every mutation of {@code c}, keyed by name. Proof terms are mutated by flipping each of {@code
   * bits} in turn.
   */
  public static Map<String, Check> all(Check c, int[] bits) {
    Map<String, Check> out = new LinkedHashMap<>();
    DualProof p = c.proof();
    for (String f : HEADER_FIELDS) {
      TxHeader s = mutateHeader(p.sourceTxHeader(), f);
      if (s != null) {
        Check m = c.withProof(with(p, 0, s));
        out.put("source-" + f, m);
        out.put(
            "source-" + f + "-consistent-alh",
            new Check(m.proof(), c.sourceId(), c.targetId(), s.alh(), c.targetAlh()));
      }
      TxHeader t = mutateHeader(p.targetTxHeader(), f);
      if (t != null) {
        Check m = c.withProof(with(p, 1, t));
        out.put("target-" + f, m);
        out.put(
            "target-" + f + "-consistent-alh",
            new Check(m.proof(), c.sourceId(), c.targetId(), c.sourceAlh(), t.alh()));
      }
    }
    String[] lists = {"inclusionProof", "consistencyProof", "lastInclusionProof"};
    for (int li = 0; li < lists.length; li++) {
      List<Sha256Digest> terms = list(p, li);
      for (int k = 0; k < terms.size(); k++) {
        for (int bit : bits) {
          List<Sha256Digest> m = new ArrayList<>(terms);
          m.set(k, ProofMutations.flipBit(m.get(k), bit));
          out.put(lists[li] + "[" + k + "]-bit-@" + bit, c.withProof(withList(p, li, m)));
        }
      }
      List<Sha256Digest> appended = new ArrayList<>(terms);
      appended.add(Sha256Digest.EMPTY);
      out.put(lists[li] + "-appended", c.withProof(withList(p, li, appended)));
      if (!terms.isEmpty()) {
        out.put(
            lists[li] + "-dropped-last",
            c.withProof(withList(p, li, terms.subList(0, terms.size() - 1))));
      }
      out.put(lists[li] + "-missing", c.withProof(withList(p, li, null)));
    }
    out.put(
        "targetBlTxAlh-bit-@0",
        c.withProof(withBlTxAlh(p, ProofMutations.flipBit(p.targetBlTxAlh(), 0))));
    out.put("targetBlTxAlh-missing", c.withProof(withBlTxAlh(p, null)));
    LinearProof lp = p.linearProof();
    for (int k = 0; k < lp.terms().size(); k++) {
      for (int bit : bits) {
        List<Sha256Digest> m = new ArrayList<>(lp.terms());
        m.set(k, ProofMutations.flipBit(m.get(k), bit));
        out.put(
            "linearProof[" + k + "]-bit-@" + bit,
            c.withProof(withLinear(p, new LinearProof(lp.sourceTxId(), lp.targetTxId(), m))));
      }
    }
    out.put(
        "linearProof-sourceTxId-minus-1",
        c.withProof(
            withLinear(p, new LinearProof(lp.sourceTxId() - 1, lp.targetTxId(), lp.terms()))));
    out.put(
        "linearProof-targetTxId-plus-1",
        c.withProof(
            withLinear(p, new LinearProof(lp.sourceTxId(), lp.targetTxId() + 1, lp.terms()))));
    List<Sha256Digest> longer = new ArrayList<>(lp.terms());
    longer.add(Sha256Digest.EMPTY);
    out.put(
        "linearProof-appended",
        c.withProof(withLinear(p, new LinearProof(lp.sourceTxId(), lp.targetTxId(), longer))));
    out.put("linearProof-missing", c.withProof(withLinear(p, null)));
    out.put("sourceTxHeader-missing", c.withProof(with(p, 0, null)));
    out.put("targetTxHeader-missing", c.withProof(with(p, 1, null)));
    out.put(
        "sourceId-plus-1",
        new Check(p, c.sourceId() + 1, c.targetId(), c.sourceAlh(), c.targetAlh()));
    out.put(
        "targetId-minus-1",
        new Check(p, c.sourceId(), c.targetId() - 1, c.sourceAlh(), c.targetAlh()));
    out.put(
        "wrong-sourceAlh",
        new Check(p, c.sourceId(), c.targetId(), flip(c.sourceAlh()), c.targetAlh()));
    out.put(
        "wrong-targetAlh",
        new Check(p, c.sourceId(), c.targetId(), c.sourceAlh(), flip(c.targetAlh())));
    if (!c.sourceAlh().equals(c.targetAlh())) {
      out.put(
          "swapped-alhs", new Check(p, c.sourceId(), c.targetId(), c.targetAlh(), c.sourceAlh()));
    }
    out.put("missing-proof", c.withProof(null));
    return out;
  }

  private static List<Sha256Digest> list(DualProof p, int li) {
    return switch (li) {
      case 0 -> p.inclusionProof();
      case 1 -> p.consistencyProof();
      default -> p.lastInclusionProof();
    };
  }

  private static DualProof with(DualProof p, int which, TxHeader h) {
    return new DualProof(
        which == 0 ? h : p.sourceTxHeader(),
        which == 1 ? h : p.targetTxHeader(),
        p.inclusionProof(),
        p.consistencyProof(),
        p.targetBlTxAlh(),
        p.lastInclusionProof(),
        p.linearProof());
  }

  private static DualProof withList(DualProof p, int li, List<Sha256Digest> terms) {
    return new DualProof(
        p.sourceTxHeader(),
        p.targetTxHeader(),
        li == 0 ? terms : p.inclusionProof(),
        li == 1 ? terms : p.consistencyProof(),
        p.targetBlTxAlh(),
        li == 2 ? terms : p.lastInclusionProof(),
        p.linearProof());
  }

  private static DualProof withBlTxAlh(DualProof p, Sha256Digest alh) {
    return new DualProof(
        p.sourceTxHeader(),
        p.targetTxHeader(),
        p.inclusionProof(),
        p.consistencyProof(),
        alh,
        p.lastInclusionProof(),
        p.linearProof());
  }

  private static DualProof withLinear(DualProof p, LinearProof lp) {
    return new DualProof(
        p.sourceTxHeader(),
        p.targetTxHeader(),
        p.inclusionProof(),
        p.consistencyProof(),
        p.targetBlTxAlh(),
        p.lastInclusionProof(),
        lp);
  }
}
