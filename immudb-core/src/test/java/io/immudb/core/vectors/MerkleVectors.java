package io.immudb.core.vectors;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.digests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.immudb.core.ahtree.AhtProofs;
import io.immudb.core.ahtree.InMemoryAhTree;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.reference.ProofMutations;
import io.immudb.core.reference.ReferenceMerkle;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.InclusionProof;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Inclusion and consistency vectors: a valid proof per case and its mutations, in the manner of
 * transparency-dev/merkle's proofgen. {@code wantErr} comes from {@link ReferenceMerkle}'s strict
 * verifier, never from the code under test.
 */
final class MerkleVectors {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private MerkleVectors() {}

  static void generate(SortedMap<String, JsonNode> out) {
    Random rnd = new Random(6962);
    InMemoryAhTree t = new InMemoryAhTree();
    List<Sha256Digest> alhs = new ArrayList<>();
    for (int i = 1; i <= 13; i++) {
      byte[] p = new byte[32];
      Arrays.fill(p, (byte) i); // the leaf payloads of spec §13.4
      alhs.add(Sha256Digest.of(p));
      t.append(alhs.get(i - 1));
    }
    for (int[] c : new int[][] {{1, 1}, {2, 5}, {7, 13}}) {
      int i = c[0];
      int j = c[1];
      ObjectNode base = F.objectNode();
      base.put("tree", "aht");
      base.put("leafIndex", i);
      base.put("treeSize", j);
      base.put("alh", alhs.get(i - 1).toHex());
      base.put("root", AhtProofs.root(t, j).toHex());
      base.set("proof", VectorJson.digestsNode(AhtProofs.inclusion(t, i, j)));
      family(
          out,
          "inclusion/" + i + "-" + j,
          "INCL(" + i + ", " + j + ")",
          base,
          List.of("leafIndex"),
          List.of("treeSize"),
          Map.of("alh", "leaf", "root", "root"),
          MerkleVectors::ahtHolds,
          rnd);
    }
    ObjectNode last = F.objectNode();
    last.put("tree", "aht-last");
    last.put("treeSize", 13);
    last.put("alh", alhs.get(12).toHex());
    last.put("root", AhtProofs.root(t, 13).toHex());
    last.set("proof", VectorJson.digestsNode(AhtProofs.lastInclusion(t, 13)));
    family(
        out,
        "inclusion/last-13",
        "LAST(13)",
        last,
        List.of(),
        List.of("treeSize"),
        Map.of("alh", "leaf", "root", "root"),
        MerkleVectors::lastHolds,
        rnd);

    Sha256Hasher h = Sha256Hasher.create();
    for (int[] c : new int[][] {{0, 1}, {2, 5}, {6, 7}}) {
      List<Sha256Digest> entryDigests = alhs.subList(0, c[1]);
      HTree tree = HTree.build(entryDigests, h);
      InclusionProof p = tree.inclusionProof(c[0]);
      ObjectNode base = F.objectNode();
      base.put("tree", "tx");
      base.put("leafIndex", c[0]);
      base.put("width", c[1]);
      base.put("entryDigest", entryDigests.get(c[0]).toHex());
      base.put("eh", tree.root().toHex());
      base.set("proof", VectorJson.digestsNode(p.terms()));
      family(
          out,
          "inclusion/tx-" + c[0] + "-of-" + c[1],
          "tx inclusion of entry " + c[0] + " of " + c[1],
          base,
          List.of("leafIndex"),
          List.of("width"),
          Map.of("entryDigest", "leaf", "eh", "root"),
          MerkleVectors::txHolds,
          rnd);
    }

    for (int[] c : new int[][] {{1, 2}, {3, 5}, {5, 5}, {6, 13}}) {
      ObjectNode base = F.objectNode();
      base.put("size1", c[0]);
      base.put("size2", c[1]);
      base.put("root1", AhtProofs.root(t, c[0]).toHex());
      base.put("root2", AhtProofs.root(t, c[1]).toHex());
      base.set("proof", VectorJson.digestsNode(AhtProofs.consistency(t, c[0], c[1])));
      family(
          out,
          "consistency/" + c[0] + "-" + c[1],
          "CONS(" + c[0] + ", " + c[1] + ")",
          base,
          List.of(),
          List.of("size1", "size2"),
          Map.of("root1", "root1", "root2", "root2"),
          MerkleVectors::consistencyHolds,
          rnd);
    }
  }

  /** A valid vector and its mutations; every vector's wantErr is the reference's verdict. */
  private static void family(
      SortedMap<String, JsonNode> out,
      String dir,
      String title,
      ObjectNode base,
      List<String> indexFields,
      List<String> sizeFields,
      Map<String, String> digestFields,
      Predicate<JsonNode> holds,
      Random rnd) {
    put(out, dir + "/valid", "valid " + title, base, holds);
    ArrayNode proof = (ArrayNode) base.get("proof");
    for (int k = 0; k < proof.size(); k++) {
      int bit = (37 * k + 3) % 256;
      ObjectNode m = base.deepCopy();
      ((ArrayNode) m.get("proof")).set(k, F.textNode(flip(proof.get(k), bit)));
      put(
          out,
          dir + "/modified-proof[" + k + "]-bit-@" + bit,
          title + " with bit " + bit + " of proof[" + k + "] flipped",
          m,
          holds);
      ObjectNode d = base.deepCopy();
      ((ArrayNode) d.get("proof")).remove(k);
      put(out, dir + "/dropped-proof[" + k + "]", title + " without proof[" + k + "]", d, holds);
    }
    ObjectNode ins = base.deepCopy();
    ((ArrayNode) ins.get("proof")).insert(0, ProofMutations.randomDigest(rnd).toHex());
    put(out, dir + "/inserted-proof[0]", title + " with a random term inserted first", ins, holds);
    ObjectNode app = base.deepCopy();
    ((ArrayNode) app.get("proof")).add(ProofMutations.randomDigest(rnd).toHex());
    put(out, dir + "/appended-proof", title + " with a random term appended", app, holds);
    if (!proof.isEmpty()) {
      ObjectNode empty = base.deepCopy();
      empty.set("proof", F.arrayNode());
      put(out, dir + "/empty-proof", title + " with no terms", empty, holds);
      ObjectNode garbage = base.deepCopy();
      ArrayNode g = (ArrayNode) garbage.get("proof");
      g.set(g.size() - 1, F.textNode(g.get(g.size() - 1).asText() + "00"));
      put(
          out,
          dir + "/trailing-garbage",
          title + " whose last term has a 33rd byte",
          garbage,
          holds);
    }
    for (String f : indexFields) {
      long v = base.get(f).asLong();
      put(
          out,
          dir + "/" + f + "-plus-1",
          title + " with " + f + " + 1",
          with(base, f, v + 1),
          holds);
      put(
          out,
          dir + "/" + f + "-minus-1",
          title + " with " + f + " − 1",
          with(base, f, v - 1),
          holds);
    }
    for (String f : sizeFields) {
      long v = base.get(f).asLong();
      put(
          out,
          dir + "/" + f + "-plus-1",
          title + " with " + f + " + 1",
          with(base, f, v + 1),
          holds);
      put(
          out,
          dir + "/" + f + "-minus-1",
          title + " with " + f + " − 1",
          with(base, f, v - 1),
          holds);
      put(
          out,
          dir + "/" + f + "-mul-@2",
          title + " with " + f + " × 2",
          with(base, f, v * 2),
          holds);
      put(
          out,
          dir + "/" + f + "-div-@2",
          title + " with " + f + " ÷ 2",
          with(base, f, v / 2),
          holds);
    }
    for (Map.Entry<String, String> e : new TreeMap<>(digestFields).entrySet()) {
      ObjectNode m = base.deepCopy();
      m.put(e.getKey(), flip(base.get(e.getKey()), 0));
      put(
          out,
          dir + "/wrong-" + e.getValue(),
          title + " with " + e.getKey() + " changed",
          m,
          holds);
    }
  }

  private static ObjectNode with(ObjectNode base, String field, long value) {
    ObjectNode m = base.deepCopy();
    m.put(field, value);
    return m;
  }

  private static String flip(JsonNode hex, int bit) {
    return ProofMutations.flipBit(digest(hex), bit).toHex();
  }

  private static void put(
      SortedMap<String, JsonNode> out,
      String name,
      String desc,
      ObjectNode inputs,
      Predicate<JsonNode> holds) {
    boolean ok;
    try {
      ok = holds.test(inputs);
    } catch (IllegalArgumentException e) {
      ok = false; // not even decodable: rejected at the boundary
    }
    if (ok && !name.endsWith("/valid")) {
      desc +=
          inputs.has("size1") && inputs.get("proof").isEmpty()
              ? " (still valid: equal sizes with equal roots need no proof)"
              : " (still valid: the proof has the same shape for the mutated indexes, which no"
                  + " RFC 6962 verifier can tell apart; the size is bound to the root elsewhere)";
    }
    ObjectNode v = F.objectNode();
    v.put("desc", desc);
    v.put("wantErr", !ok);
    v.setAll(inputs);
    out.put(name + ".json", v);
  }

  private static boolean ahtHolds(JsonNode v) {
    long i = v.get("leafIndex").asLong();
    return ReferenceMerkle.inclusionHolds(
        digests(v.get("proof")),
        i - 1,
        v.get("treeSize").asLong(),
        ReferenceMerkle.leafHash(digest(v.get("alh"))),
        digest(v.get("root")));
  }

  private static boolean lastHolds(JsonNode v) {
    long j = v.get("treeSize").asLong();
    return ReferenceMerkle.inclusionHolds(
        digests(v.get("proof")),
        j - 1,
        j,
        ReferenceMerkle.leafHash(digest(v.get("alh"))),
        digest(v.get("root")));
  }

  private static boolean txHolds(JsonNode v) {
    return ReferenceMerkle.inclusionHolds(
        digests(v.get("proof")),
        v.get("leafIndex").asLong(),
        v.get("width").asLong(),
        ReferenceMerkle.leafHash(digest(v.get("entryDigest"))),
        digest(v.get("eh")));
  }

  private static boolean consistencyHolds(JsonNode v) {
    return ReferenceMerkle.consistencyHolds(
        digests(v.get("proof")),
        v.get("size1").asLong(),
        v.get("size2").asLong(),
        digest(v.get("root1")),
        digest(v.get("root2")));
  }
}
