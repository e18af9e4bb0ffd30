package io.immudb.core.tx;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.digests;
import static io.immudb.core.vectors.VectorFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.reference.ReferenceMerkle;
import io.immudb.core.vectors.VectorFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HTreeTest {
  private final Sha256Hasher h = Sha256Hasher.create();

  @Test
  void specVector13_1_entryDigestAndSingleEntryEh() throws Exception {
    JsonNode v = VectorFiles.load("spec/13.1-entry-digest.json");
    Sha256Digest hValue = h.hash(hex(v.get("storedValue")));
    assertThat(hValue).isEqualTo(digest(v.get("hValue")));
    TxEntry e = new TxEntry(hex(v.get("storedKey")), hValue, hex(v.get("storedValue")).length);
    assertThat(e.digest(h)).isEqualTo(digest(v.get("digest")));
    HTree t = HTree.ofEntries(List.of(e), h);
    assertThat(t.root()).isEqualTo(digest(v.get("eH")));
    assertThat(t.width()).isEqualTo(1);
    InclusionProof p = t.inclusionProof(0);
    assertThat(p.terms()).isEmpty();
    HTree.verifyInclusion(p, e.digest(h), t.root());
  }

  @Test
  void specVector13_2_threeEntries() throws Exception {
    JsonNode v = VectorFiles.load("spec/13.2-tx-tree-3.json");
    List<TxEntry> entries = new ArrayList<>();
    List<Sha256Digest> digests = new ArrayList<>();
    for (JsonNode e : v.get("entries")) {
      byte[] value = hex(e.get("storedValue"));
      Sha256Digest hValue = h.hash(value);
      assertThat(hValue).isEqualTo(digest(e.get("hValue")));
      TxEntry entry = new TxEntry(hex(e.get("storedKey")), hValue, value.length);
      assertThat(entry.digest(h)).isEqualTo(digest(e.get("digest")));
      assertThat(h.leaf(entry.digest(h))).isEqualTo(digest(e.get("leaf")));
      entries.add(entry);
      digests.add(entry.digest(h));
    }
    assertThat(h.node(h.leaf(digests.get(0)), h.leaf(digests.get(1))))
        .isEqualTo(digest(v.get("node01")));
    HTree t = HTree.ofEntries(entries, h);
    assertThat(t.root()).isEqualTo(digest(v.get("eH")));
    assertThat(HTree.build(digests, h).root()).isEqualTo(t.root());
    for (JsonNode pv : v.get("inclusionProofs")) {
      int leaf = pv.get("leaf").asInt();
      InclusionProof p = t.inclusionProof(leaf);
      assertThat(p)
          .isEqualTo(new InclusionProof(leaf, pv.get("width").asInt(), digests(pv.get("terms"))));
      HTree.verifyInclusion(p, digests.get(leaf), t.root());
      assertThat(HTree.rootFromInclusion(p, digests.get(leaf), h)).isEqualTo(t.root());
    }
  }

  @Test
  void oddLastNodeIsPromotedUnchanged() {
    List<Sha256Digest> d = sampleDigests(5);
    HTree t = HTree.build(d, h);
    Sha256Digest l4 = h.leaf(d.get(4));
    Sha256Digest left =
        h.node(
            h.node(h.leaf(d.get(0)), h.leaf(d.get(1))), h.node(h.leaf(d.get(2)), h.leaf(d.get(3))));
    assertThat(t.root()).isEqualTo(h.node(left, l4));
    assertThat(t.inclusionProof(4).terms()).containsExactly(left);
  }

  @Test
  void buildRequiresAnEntry() {
    assertThatThrownBy(() -> HTree.build(List.of(), h))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inclusionProofRequiresALeafInRange() {
    HTree t = HTree.build(sampleDigests(3), h);
    assertThatThrownBy(() -> t.inclusionProof(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.inclusionProof(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void proofRecordValidatesAndCopies() {
    List<Sha256Digest> terms = new ArrayList<>(sampleDigests(2));
    InclusionProof p = new InclusionProof(1, 2, terms);
    terms.clear();
    assertThat(p.terms()).hasSize(2);
    assertThatThrownBy(() -> new InclusionProof(2, 2, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InclusionProof(-1, 2, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verifyRejectsMissingProofAndWrongTermCount() {
    List<Sha256Digest> d = sampleDigests(4);
    HTree t = HTree.build(d, h);
    assertThatThrownBy(() -> HTree.verifyInclusion(null, d.get(0), t.root()))
        .isInstanceOfSatisfying(
            VerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PROOF));
    InclusionProof shortProof = new InclusionProof(0, 4, t.inclusionProof(0).terms().subList(0, 1));
    assertThatThrownBy(() -> HTree.verifyInclusion(shortProof, d.get(0), t.root()))
        .isInstanceOfSatisfying(
            VerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PROOF));
    assertThatThrownBy(() -> HTree.verifyInclusion(t.inclusionProof(1), d.get(0), t.root()))
        .isInstanceOfSatisfying(
            VerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TX_INCLUSION);
              assertThat(e.expected()).contains(t.root());
            });
  }

  @Test
  void largestTransactionMatchesReference() {
    List<Sha256Digest> d = sampleDigests(1024);
    HTree t = HTree.build(d, h);
    List<Sha256Digest> leaves = d.stream().map(ReferenceMerkle::leafHash).toList();
    assertThat(t.root()).isEqualTo(ReferenceMerkle.mth(leaves));
    assertThat(t.inclusionProof(777).terms()).isEqualTo(ReferenceMerkle.path(777, leaves));
  }

  static List<Sha256Digest> sampleDigests(int n) {
    Sha256Hasher h = Sha256Hasher.create();
    List<Sha256Digest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(h.hash(new byte[] {(byte) i, (byte) (i >> 8)}));
    }
    return out;
  }
}
