package io.immudb.core.proof;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.digests;
import static io.immudb.core.vectors.VectorFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import io.immudb.core.vectors.VectorFiles;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 4-transaction chain of spec v1 §13.3 and the dual proofs over it of §13.5. */
class SpecChainTest {
  private static final JsonNode CHAIN = VectorFiles.load("spec/13.3-chain-4tx.json");
  private final Sha256Hasher h = Sha256Hasher.create();

  /** Builds the chain from the entries and timestamps of the vector file only. */
  static InMemoryTxChain specChain() {
    InMemoryTxChain c = new InMemoryTxChain();
    for (JsonNode tx : CHAIN.get("txs")) {
      List<TxEntry> entries = new ArrayList<>();
      for (JsonNode e : tx.get("entries")) {
        entries.add(InMemoryTxChain.entry(hex(e.get("storedKey")), hex(e.get("storedValue"))));
      }
      c.commit(entries, tx.get("ts").asLong());
    }
    return c;
  }

  @Test
  void specVector13_3_everyHeaderField() {
    InMemoryTxChain c = specChain();
    for (JsonNode tx : CHAIN.get("txs")) {
      TxHeader hdr = c.header(tx.get("id").asLong());
      JsonNode e0 = tx.get("entries").get(0);
      if (e0.has("hValue")) {
        assertThat(h.hash(hex(e0.get("storedValue")))).isEqualTo(digest(e0.get("hValue")));
        assertThat(
                InMemoryTxChain.entry(hex(e0.get("storedKey")), hex(e0.get("storedValue")))
                    .digest(h))
            .isEqualTo(digest(e0.get("digest")));
      }
      assertThat(hdr.eh()).isEqualTo(digest(tx.get("eH")));
      assertThat(hdr.blTxId()).isEqualTo(tx.get("blTxId").asLong());
      assertThat(hdr.blRoot()).isEqualTo(digest(tx.get("blRoot")));
      assertThat(hdr.prevAlh()).isEqualTo(digest(tx.get("prevAlh")));
      if (tx.has("innerPreimage")) {
        assertThat(h.hash(hex(tx.get("innerPreimage")))).isEqualTo(hdr.innerHash());
      }
      assertThat(hdr.innerHash()).isEqualTo(digest(tx.get("innerHash")));
      assertThat(hdr.alh()).isEqualTo(digest(tx.get("alh")));
      assertThat(c.alh(hdr.id())).isEqualTo(hdr.alh());
    }
    assertThat(c.aht().node(0, 1)).isEqualTo(digest(CHAIN.get("leafAlh2")));
    assertThat(c.aht().node(0, 2)).isEqualTo(digest(CHAIN.get("leafAlh3")));
    assertThat(HexFormat.of().formatHex(c.header(1).eh().toByteArray()))
        .isEqualTo(CHAIN.get("txs").get(0).get("eH").asText());
  }

  @Test
  void specVector13_5_dualProofsGeneratedAndVerified() throws Exception {
    InMemoryTxChain c = specChain();
    for (JsonNode v : VectorFiles.load("spec/13.5-dual-proofs.json").get("proofs")) {
      long s = v.get("sourceId").asLong();
      long t = v.get("targetId").asLong();
      DualProof p = ProofBuilder.dualProof(c, c.header(s), c.header(t));
      assertThat(p.sourceTxHeader()).isEqualTo(c.header(s));
      assertThat(p.targetTxHeader()).isEqualTo(c.header(t));
      assertThat(p.inclusionProof()).isEqualTo(digests(v.get("inclusionProof")));
      assertThat(p.consistencyProof()).isEqualTo(digests(v.get("consistencyProof")));
      assertThat(p.targetBlTxAlh()).isEqualTo(digest(v.get("targetBlTxAlh")));
      assertThat(p.lastInclusionProof()).isEqualTo(digests(v.get("lastInclusionProof")));
      JsonNode lp = v.get("linearProof");
      assertThat(p.linearProof())
          .isEqualTo(
              new LinearProof(
                  lp.get("sourceTxId").asLong(),
                  lp.get("targetTxId").asLong(),
                  digests(lp.get("terms"))));
      DualProofVerifier.verify(p, s, t, c.alh(s), c.alh(t));
    }
  }

  @Test
  void everyPairOfTheSpecChainVerifies() throws Exception {
    InMemoryTxChain c = specChain();
    for (long s = 1; s <= 4; s++) {
      for (long t = s; t <= 4; t++) {
        DualProof p = ProofBuilder.dualProof(c, c.header(s), c.header(t));
        DualProofVerifier.verify(p, s, t, c.alh(s), c.alh(t));
      }
    }
  }

  @Test
  void firstTxHasZeroBlRootButEmptyStringPrevAlh() {
    TxHeader first = specChain().header(1);
    assertThat(first.blRoot()).isEqualTo(Sha256Digest.ZERO);
    assertThat(first.prevAlh()).isEqualTo(Sha256Digest.EMPTY);
  }
}
