package io.immudb.core.vectors;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.digests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.DualProofMutations;
import io.immudb.core.proof.DualProofMutations.Check;
import io.immudb.core.proof.InMemoryTxChain;
import io.immudb.core.proof.LinearFakeScenario;
import io.immudb.core.proof.LinearProof;
import io.immudb.core.proof.ProofBuilder;
import io.immudb.core.reference.ProofMutations;
import io.immudb.core.reference.ReferenceMerkle;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Linear and dual proof vectors over a generated 12-transaction chain, with their mutations, and
 * the linear-fake vectors. Linear {@code wantErr} comes from a reference fold written from spec v1
 * §7.1; every dual mutation is one that must fail by construction (see {@link DualProofMutations}).
 */
final class ChainVectors {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ChainVectors() {}

  static void generate(SortedMap<String, JsonNode> out) {
    InMemoryTxChain c = InMemoryTxChain.random(12, 1212);
    for (int[] st : new int[][] {{3, 3}, {4, 5}, {2, 9}}) {
      linearFamily(out, c, st[0], st[1]);
    }
    String lf = "linear/linear-fake/";
    LinearProof ext = new LinearProof(3, 6, ProofBuilder.linearProof(c, 3, 8).terms());
    put(
        out,
        lf + "extended-3-6-reaching-8",
        "linear-fake: a proof for 3..6 whose terms run on to tx 8, offered with Alh_8 as the"
            + " target Alh; the fold matches, only the term count (step 3) rejects it",
        linearInputs(ext, 3, 6, c.alh(3), c.alh(8)));
    LinearProof trunc = new LinearProof(3, 6, ProofBuilder.linearProof(c, 3, 5).terms());
    put(
        out,
        lf + "truncated-3-6-reaching-5",
        "linear-fake: a proof for 3..6 whose terms stop at tx 5, offered with Alh_5 as the target"
            + " Alh; the fold matches, only the term count (step 3) rejects it",
        linearInputs(trunc, 3, 6, c.alh(3), c.alh(5)));

    for (int[] st : new int[][] {{1, 1}, {2, 3}, {3, 9}}) {
      int s = st[0];
      int t = st[1];
      Check valid =
          new Check(ProofBuilder.dualProof(c, c.header(s), c.header(t)), s, t, c.alh(s), c.alh(t));
      String dir = "dual/" + s + "-" + t + "/";
      put(out, dir + "valid", "valid DUAL(" + s + ", " + t + ")", dualInputs(valid), false);
      for (Map.Entry<String, Check> m : DualProofMutations.all(valid, new int[] {3}).entrySet()) {
        put(
            out,
            dir + m.getKey(),
            "DUAL(" + s + ", " + t + ") mutated: " + m.getKey(),
            dualInputs(m.getValue()),
            true);
      }
    }
    LinearFakeScenario scenario = new LinearFakeScenario(11);
    put(
        out,
        "dual/linear-fake/step1-forged-linear-part",
        "linear-fake step 1: DUAL(3 -> 6') whose linear part [Alh3, inner4', inner5', inner6']"
            + " runs 3 txs outside the AHT over forged txs 4', 5'; every spec check passes,"
            + " the linear-fake guard rejects it",
        dualInputs(scenario.step1()),
        true);
    put(
        out,
        "dual/linear-fake/step2-switched-history",
        "linear-fake step 2: DUAL(6' -> 9) over a tree whose leaves 4, 5 are the genuine txs, not"
            + " the 4', 5' behind 6'; every spec check passes, the linear-fake guard rejects it"
            + " (source blTxId 3, consumed linear part 3 txs)",
        dualInputs(scenario.step2()),
        true);
  }

  private static void linearFamily(
      SortedMap<String, JsonNode> out, InMemoryTxChain c, int s, int t) {
    String dir = "linear/" + s + "-" + t + "/";
    String title = "LINEAR(" + s + ", " + t + ")";
    ObjectNode base = linearInputs(ProofBuilder.linearProof(c, s, t), s, t, c.alh(s), c.alh(t));
    put(out, dir + "valid", "valid " + title, base);
    ArrayNode terms = (ArrayNode) base.get("proof").get("terms");
    for (int k = 0; k < terms.size(); k++) {
      int bit = (37 * k + 3) % 256;
      ObjectNode m = base.deepCopy();
      termsOf(m).set(k, F.textNode(ProofMutations.flipBit(digest(terms.get(k)), bit).toHex()));
      put(
          out,
          dir + "modified-proof[" + k + "]-bit-@" + bit,
          title + " with bit " + bit + " of terms[" + k + "] flipped",
          m);
    }
    ObjectNode dropped = base.deepCopy();
    termsOf(dropped).remove(terms.size() - 1);
    put(out, dir + "dropped-last", title + " without its last term", dropped);
    ObjectNode appended = base.deepCopy();
    termsOf(appended).add(Sha256Digest.EMPTY.toHex());
    put(out, dir + "appended-proof", title + " with a term appended", appended);
    ObjectNode empty = base.deepCopy();
    ((ObjectNode) empty.get("proof")).set("terms", F.arrayNode());
    put(out, dir + "empty-proof", title + " with no terms", empty);
    ObjectNode garbage = base.deepCopy();
    termsOf(garbage).set(terms.size() - 1, F.textNode(terms.get(terms.size() - 1).asText() + "00"));
    put(out, dir + "trailing-garbage", title + " whose last term has a 33rd byte", garbage);
    ObjectNode shifted = base.deepCopy();
    shifted.put("sourceTxId", s + 1);
    shifted.put("targetTxId", t + 1);
    ((ObjectNode) shifted.get("proof")).put("sourceTxId", s + 1);
    ((ObjectNode) shifted.get("proof")).put("targetTxId", t + 1);
    put(
        out,
        dir + "ids-shifted-by-1",
        title + " relabelled as " + (s + 1) + ".." + (t + 1),
        shifted);
    ObjectNode proofTarget = base.deepCopy();
    ((ObjectNode) proofTarget.get("proof")).put("targetTxId", t + 1);
    put(
        out,
        dir + "proof-targetTxId-plus-1",
        title + " whose proof names target " + (t + 1),
        proofTarget);
    ObjectNode wrongS = base.deepCopy();
    wrongS.put("sourceAlh", ProofMutations.flipBit(c.alh(s), 0).toHex());
    put(out, dir + "wrong-sourceAlh", title + " against another source Alh", wrongS);
    ObjectNode wrongT = base.deepCopy();
    wrongT.put("targetAlh", ProofMutations.flipBit(c.alh(t), 0).toHex());
    put(out, dir + "wrong-targetAlh", title + " against another target Alh", wrongT);
  }

  private static ArrayNode termsOf(ObjectNode v) {
    return (ArrayNode) v.get("proof").get("terms");
  }

  private static ObjectNode linearInputs(
      LinearProof p, long s, long t, Sha256Digest sourceAlh, Sha256Digest targetAlh) {
    ObjectNode o = F.objectNode();
    o.put("sourceTxId", s);
    o.put("targetTxId", t);
    o.put("sourceAlh", sourceAlh.toHex());
    o.put("targetAlh", targetAlh.toHex());
    o.set("proof", VectorJson.linearNode(p));
    return o;
  }

  private static ObjectNode dualInputs(Check c) {
    ObjectNode o = F.objectNode();
    o.put("sourceId", c.sourceId());
    o.put("targetId", c.targetId());
    o.put("sourceAlh", c.sourceAlh().toHex());
    o.put("targetAlh", c.targetAlh().toHex());
    o.set("proof", VectorJson.dualNode(c.proof()));
    return o;
  }

  /** A linear vector; wantErr from the reference fold. */
  private static void put(
      SortedMap<String, JsonNode> out, String name, String desc, ObjectNode in) {
    boolean ok;
    try {
      ok = linearHolds(in);
    } catch (IllegalArgumentException e) {
      ok = false;
    }
    if (ok && !name.endsWith("/valid")) {
      desc +=
          " (still valid: a one-term proof only says sourceAlh = targetAlh; the ids are bound"
              + " by the headers that Alh hashes)";
    }
    put(out, name, desc, in, !ok);
  }

  private static void put(
      SortedMap<String, JsonNode> out, String name, String desc, ObjectNode in, boolean wantErr) {
    ObjectNode v = F.objectNode();
    v.put("desc", desc);
    v.put("wantErr", wantErr);
    v.setAll(in);
    out.put(name + ".json", v);
  }

  /** Spec v1 §7.1 from the definition: ids, exact term count, Alh_s first, fold to Alh_t. */
  private static boolean linearHolds(JsonNode v) {
    long s = v.get("sourceTxId").asLong();
    long t = v.get("targetTxId").asLong();
    JsonNode p = v.get("proof");
    List<Sha256Digest> terms = digests(p.get("terms"));
    if (p.get("sourceTxId").asLong() != s
        || p.get("targetTxId").asLong() != t
        || s < 1
        || s > t
        || terms.size() != t - s + 1
        || !terms.get(0).equals(digest(v.get("sourceAlh")))) {
      return false;
    }
    Sha256Digest acc = terms.get(0);
    for (int k = 1; k < terms.size(); k++) {
      byte[] id = ByteBuffer.allocate(8).putLong(s + k).array();
      acc = ReferenceMerkle.sha256(id, acc.toByteArray(), terms.get(k).toByteArray());
    }
    return acc.equals(digest(v.get("targetAlh")));
  }
}
