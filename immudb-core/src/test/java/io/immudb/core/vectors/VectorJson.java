package io.immudb.core.vectors;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.digests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.immudb.core.ahtree.AhtVerifier;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.DualProof;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.core.proof.LinearProof;
import io.immudb.core.proof.LinearProofVerifier;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.InclusionProof;
import io.immudb.core.tx.TxHeader;
import java.util.List;

/**
 * The JSON form of proof vectors, and the production verdict on one: encode proofs and headers,
 * decode them back, and run the verifier of the vector's kind.
 */
public final class VectorJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private VectorJson() {}

  public static ArrayNode digestsNode(List<Sha256Digest> ds) {
    ArrayNode a = F.arrayNode();
    ds.forEach(d -> a.add(d.toHex()));
    return a;
  }

  public static JsonNode headerNode(TxHeader h) {
    if (h == null) {
      return F.nullNode();
    }
    ObjectNode o = F.objectNode();
    o.put("id", h.id());
    o.put("prevAlh", h.prevAlh().toHex());
    o.put("ts", h.ts());
    o.put("nEntries", h.nEntries());
    o.put("eh", h.eh().toHex());
    o.put("blTxId", h.blTxId());
    o.put("blRoot", h.blRoot().toHex());
    return o;
  }

  public static JsonNode linearNode(LinearProof p) {
    if (p == null) {
      return F.nullNode();
    }
    ObjectNode o = F.objectNode();
    o.put("sourceTxId", p.sourceTxId());
    o.put("targetTxId", p.targetTxId());
    o.set("terms", digestsNode(p.terms()));
    return o;
  }

  public static JsonNode dualNode(DualProof p) {
    if (p == null) {
      return F.nullNode();
    }
    ObjectNode o = F.objectNode();
    o.set("sourceTxHeader", headerNode(p.sourceTxHeader()));
    o.set("targetTxHeader", headerNode(p.targetTxHeader()));
    o.set("inclusionProof", listNode(p.inclusionProof()));
    o.set("consistencyProof", listNode(p.consistencyProof()));
    o.set(
        "targetBlTxAlh",
        p.targetBlTxAlh() == null ? F.nullNode() : F.textNode(p.targetBlTxAlh().toHex()));
    o.set("lastInclusionProof", listNode(p.lastInclusionProof()));
    o.set("linearProof", linearNode(p.linearProof()));
    return o;
  }

  private static JsonNode listNode(List<Sha256Digest> ds) {
    return ds == null ? F.nullNode() : digestsNode(ds);
  }

  static TxHeader header(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return new TxHeader(
        n.get("id").asLong(),
        digest(n.get("prevAlh")),
        n.get("ts").asLong(),
        n.get("nEntries").asInt(),
        digest(n.get("eh")),
        n.get("blTxId").asLong(),
        digest(n.get("blRoot")));
  }

  static LinearProof linear(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return new LinearProof(
        n.get("sourceTxId").asLong(), n.get("targetTxId").asLong(), digests(n.get("terms")));
  }

  static DualProof dual(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    JsonNode bl = n.get("targetBlTxAlh");
    return new DualProof(
        header(n.get("sourceTxHeader")),
        header(n.get("targetTxHeader")),
        digests(n.get("inclusionProof")),
        digests(n.get("consistencyProof")),
        bl == null || bl.isNull() ? null : digest(bl),
        digests(n.get("lastInclusionProof")),
        linear(n.get("linearProof")));
  }

  /**
   * Runs the production verifier for a vector of {@code kind} (the first directory of its path).
   * Input that cannot even be decoded (a digest that is not 32 bytes, a header breaking its
   * invariants, an index out of range) counts as rejected, as it would be at the wire boundary.
   */
  public static boolean accepts(String kind, JsonNode v) {
    try {
      switch (kind) {
        case "inclusion" -> verifyInclusion(v);
        case "consistency" ->
            AhtVerifier.verifyConsistency(
                digests(v.get("proof")),
                v.get("size1").asLong(),
                v.get("size2").asLong(),
                digest(v.get("root1")),
                digest(v.get("root2")));
        case "linear" ->
            LinearProofVerifier.verify(
                linear(v.get("proof")),
                v.get("sourceTxId").asLong(),
                v.get("targetTxId").asLong(),
                digest(v.get("sourceAlh")),
                digest(v.get("targetAlh")));
        case "dual" ->
            DualProofVerifier.verify(
                dual(v.get("proof")),
                v.get("sourceId").asLong(),
                v.get("targetId").asLong(),
                digest(v.get("sourceAlh")),
                digest(v.get("targetAlh")));
        default -> throw new IllegalStateException("unknown vector kind " + kind);
      }
      return true;
    } catch (VerificationException | IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }

  private static void verifyInclusion(JsonNode v) throws VerificationException {
    List<Sha256Digest> proof = digests(v.get("proof"));
    switch (v.get("tree").asText()) {
      case "aht" ->
          AhtVerifier.verifyInclusion(
              proof,
              v.get("leafIndex").asLong(),
              v.get("treeSize").asLong(),
              digest(v.get("alh")),
              digest(v.get("root")));
      case "aht-last" ->
          AhtVerifier.verifyLastInclusion(
              proof, v.get("treeSize").asLong(), digest(v.get("alh")), digest(v.get("root")));
      case "tx" ->
          HTree.verifyInclusion(
              new InclusionProof(
                  Math.toIntExact(v.get("leafIndex").asLong()),
                  Math.toIntExact(v.get("width").asLong()),
                  proof),
              digest(v.get("entryDigest")),
              digest(v.get("eh")));
      default -> throw new IllegalStateException("unknown tree " + v.get("tree"));
    }
  }
}
