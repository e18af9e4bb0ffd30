package io.immudb.core.proof;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.immudb.core.ahtree.AhtProofs;
import io.immudb.core.ahtree.InMemoryAhTree;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import io.immudb.core.vectors.VectorFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link TxChainVerifier} over the chain of spec v1 §13.3, whose headers are taken field by field
 * from the vector file (not rebuilt), the 3-entry tx of §13.2, and a random chain whose headers are
 * mutated one field at a time.
 */
class TxChainVerifierTest {
  private static final JsonNode CHAIN = VectorFiles.load("spec/13.3-chain-4tx.json");
  private static final JsonNode TREE3 = VectorFiles.load("spec/13.2-tx-tree-3.json");
  private final Sha256Hasher h = Sha256Hasher.create();

  /** A check that is expected to fail. */
  private interface Check {
    void run() throws VerificationException;
  }

  private static VerificationException reject(Check c) {
    try {
      c.run();
    } catch (VerificationException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }

  private static JsonNode specTx(long id) {
    return CHAIN.get("txs").get((int) id - 1);
  }

  private static List<TxEntry> entries(JsonNode tx) {
    List<TxEntry> out = new ArrayList<>();
    for (JsonNode e : tx.get("entries")) {
      out.add(InMemoryTxChain.entry(hex(e.get("storedKey")), hex(e.get("storedValue"))));
    }
    return out;
  }

  private List<Sha256Digest> digests(List<TxEntry> entries) {
    return entries.stream().map(e -> e.digest(h)).toList();
  }

  /** Header {@code id} of §13.3 exactly as the vector file states it. */
  private static TxHeader specHeader(long id) {
    JsonNode t = specTx(id);
    return new TxHeader(
        t.get("id").asLong(),
        digest(t.get("prevAlh")),
        t.get("ts").asLong(),
        t.get("entries").size(),
        digest(t.get("eH")),
        t.get("blTxId").asLong(),
        digest(t.get("blRoot")));
  }

  private static Sha256Digest specAlh(long id) {
    return digest(specTx(id).get("alh"));
  }

  /** The hash tree over the §13.3 Alhs of txs {@code 1..n}. */
  private static InMemoryAhTree specTree(int n) {
    InMemoryAhTree t = new InMemoryAhTree();
    for (int id = 1; id <= n; id++) {
      t.append(specAlh(id));
    }
    return t;
  }

  private LongFunction<Sha256Digest> roots(InMemoryAhTree tree) {
    return n -> AhtProofs.root(tree, n, h);
  }

  private static Sha256Digest flip(Sha256Digest d) {
    byte[] b = d.toByteArray();
    b[0] ^= 1;
    return Sha256Digest.of(b);
  }

  @Test
  void theSpecChainPassesEveryCheckTxByTx() throws VerificationException {
    InMemoryAhTree tree = new InMemoryAhTree();
    long prevId = 0;
    Sha256Digest prevAlh = Sha256Digest.EMPTY;
    for (int id = 1; id <= 4; id++) {
      TxHeader hdr = specHeader(id);
      List<TxEntry> entries = entries(specTx(id));
      TxChainVerifier.verifyLinearLink(prevId, prevAlh, hdr);
      TxChainVerifier.verifyEntries(hdr, digests(entries), h);
      TxChainVerifier.verifyEntries(new Tx(hdr, entries), h);
      TxChainVerifier.verifyEntries(hdr, entries.size(), hdr.eh());
      TxChainVerifier.verifySyncBinaryLink(hdr, roots(tree));
      TxChainVerifier.verifyBinaryLink(hdr, roots(tree));
      assertThat(hdr.alh(h)).isEqualTo(specAlh(id));
      tree.append(hdr.alh(h));
      prevId = id;
      prevAlh = hdr.alh(h);
    }
  }

  @Test
  void aGapOrARepeatIsATxIdMismatch() {
    VerificationException gap =
        reject(() -> TxChainVerifier.verifyLinearLink(1, specAlh(1), specHeader(3)));
    assertThat(gap.reason()).isEqualTo(Reason.TX_ID_MISMATCH);
    assertThat(gap).hasMessage("tx 3 found where tx 2 was expected");
    VerificationException repeat =
        reject(() -> TxChainVerifier.verifyLinearLink(2, specAlh(2), specHeader(2)));
    assertThat(repeat.reason()).isEqualTo(Reason.TX_ID_MISMATCH);
  }

  @Test
  void aPrevAlhThatIsNotThePreviousAlhIsAnAlhMismatchWithTheEvidence() {
    TxHeader t3 = specHeader(3);
    TxHeader skipping = new TxHeader(3, specAlh(1), t3.ts(), 1, t3.eh(), t3.blTxId(), t3.blRoot());
    VerificationException e =
        reject(() -> TxChainVerifier.verifyLinearLink(2, specAlh(2), skipping));
    assertThat(e.reason()).isEqualTo(Reason.ALH_MISMATCH);
    assertThat(e.getMessage()).startsWith("tx 3: prevAlh ").endsWith("is not the Alh of tx 2");
    assertThat(e.expected()).contains(specAlh(2));
    assertThat(e.computed()).contains(specAlh(1));
  }

  @Test
  void txOneFollowsTheHashOfNothingNotZeros() {
    TxHeader t1 = specHeader(1);
    assertThatCode(() -> TxChainVerifier.verifyLinearLink(0, Sha256Digest.EMPTY, t1))
        .doesNotThrowAnyException();
    TxHeader zeros = new TxHeader(1, Sha256Digest.ZERO, t1.ts(), 1, t1.eh(), 0, Sha256Digest.ZERO);
    assertThat(
            reject(() -> TxChainVerifier.verifyLinearLink(0, Sha256Digest.EMPTY, zeros)).reason())
        .isEqualTo(Reason.ALH_MISMATCH);
  }

  @Test
  void entriesMissingOrAddedAreAnEntryMismatch() {
    TxHeader t4 = specHeader(4);
    List<Sha256Digest> one = digests(entries(specTx(4)));
    List<Sha256Digest> two = List.of(one.get(0), one.get(0));
    for (List<Sha256Digest> wrong : List.of(List.<Sha256Digest>of(), two)) {
      VerificationException e = reject(() -> TxChainVerifier.verifyEntries(t4, wrong, h));
      assertThat(e.reason()).isEqualTo(Reason.ENTRY_MISMATCH);
      assertThat(e).hasMessage("tx 4: " + wrong.size() + " entries, the header says 1");
    }
    assertThat(reject(() -> TxChainVerifier.verifyEntries(t4, 2, t4.eh())).reason())
        .isEqualTo(Reason.ENTRY_MISMATCH);
  }

  @Test
  void entriesThatHashToAnotherEhAreATxInclusionFailureWithTheEvidence() {
    List<TxEntry> entries = entries(TREE3);
    Sha256Digest eh = digest(TREE3.get("eH"));
    TxHeader hdr = new TxHeader(2, specAlh(1), 0, 3, eh, 1, Sha256Digest.ZERO);
    assertThatCode(() -> TxChainVerifier.verifyEntries(new Tx(hdr, entries), h))
        .doesNotThrowAnyException();

    List<Sha256Digest> swapped = new ArrayList<>(digests(entries));
    Collections.swap(swapped, 0, 1);
    List<Sha256Digest> flipped = new ArrayList<>(digests(entries));
    flipped.set(2, flip(flipped.get(2)));
    for (List<Sha256Digest> wrong : List.of(swapped, flipped)) {
      VerificationException e = reject(() -> TxChainVerifier.verifyEntries(hdr, wrong, h));
      assertThat(e.reason()).isEqualTo(Reason.TX_INCLUSION);
      assertThat(e.getMessage()).startsWith("tx 2: its entries hash to eH ");
      assertThat(e.expected()).contains(eh);
      assertThat(e.computed()).isPresent().get().isNotEqualTo(eh);
    }

    List<TxEntry> forged = new ArrayList<>(entries);
    forged.set(1, InMemoryTxChain.entry(entries.get(1).key(), "\0forged".getBytes()));
    assertThat(reject(() -> TxChainVerifier.verifyEntries(new Tx(hdr, forged), h)).reason())
        .isEqualTo(Reason.TX_INCLUSION);
    assertThat(reject(() -> TxChainVerifier.verifyEntries(hdr, 3, flip(eh))).reason())
        .isEqualTo(Reason.TX_INCLUSION);
  }

  @Test
  void aBlRootThatIsNotTheTreeRootIsAnAhtConsistencyFailure() {
    TxHeader t3 = specHeader(3);
    TxHeader forged = new TxHeader(3, t3.prevAlh(), t3.ts(), 1, t3.eh(), 2, flip(t3.blRoot()));
    InMemoryAhTree tree = specTree(2);
    for (Check c :
        List.<Check>of(
            () -> TxChainVerifier.verifyBinaryLink(forged, roots(tree)),
            () -> TxChainVerifier.verifySyncBinaryLink(forged, roots(tree)))) {
      VerificationException e = reject(c);
      assertThat(e.reason()).isEqualTo(Reason.AHT_CONSISTENCY);
      assertThat(e).hasMessage("tx 3: blRoot is not the root of the hash tree of txs 1..2");
      assertThat(e.expected()).contains(t3.blRoot());
      assertThat(e.computed()).contains(forged.blRoot());
    }
  }

  @Test
  void blTxIdZeroMeansZ32AndNoTreeIsAsked() {
    LongFunction<Sha256Digest> none =
        n -> {
          throw new AssertionError("asked for ROOT(" + n + ")");
        };
    TxHeader t1 = specHeader(1);
    assertThatCode(() -> TxChainVerifier.verifySyncBinaryLink(t1, none)).doesNotThrowAnyException();
    TxHeader notZ32 = new TxHeader(1, t1.prevAlh(), t1.ts(), 1, t1.eh(), 0, Sha256Digest.EMPTY);
    assertThat(reject(() -> TxChainVerifier.verifyBinaryLink(notZ32, none)).reason())
        .isEqualTo(Reason.AHT_CONSISTENCY);
  }

  @Test
  void anAsynchronousLinkPassesOnlyTheLenientCheck() throws VerificationException {
    InMemoryAhTree tree = specTree(3);
    TxHeader t4 = specHeader(4);
    Sha256Digest root2 = AhtProofs.root(tree, 2, h);
    TxHeader async = new TxHeader(4, t4.prevAlh(), t4.ts(), 1, t4.eh(), 2, root2);
    List<Long> asked = new ArrayList<>();
    TxChainVerifier.verifyBinaryLink(
        async,
        n -> {
          asked.add(n);
          return AhtProofs.root(tree, n, h);
        });
    assertThat(asked).containsExactly(2L);
    VerificationException e =
        reject(() -> TxChainVerifier.verifySyncBinaryLink(async, roots(tree)));
    assertThat(e.reason()).isEqualTo(Reason.AHT_CONSISTENCY);
    assertThat(e.getMessage()).startsWith("tx 4: blTxId is 2, not 3");

    TxHeader lagging = new TxHeader(4, t4.prevAlh(), t4.ts(), 1, t4.eh(), 2, t4.blRoot());
    assertThat(reject(() -> TxChainVerifier.verifyBinaryLink(lagging, roots(tree))).reason())
        .isEqualTo(Reason.AHT_CONSISTENCY);
  }

  /**
   * Over a random chain, every header field changed in turn is caught by the check that owns it; a
   * changed timestamp passes its own tx's checks but breaks the next tx's link.
   */
  @Test
  void everyHeaderFieldOfARandomChainIsChecked() throws VerificationException {
    Random rnd = new Random(42);
    InMemoryTxChain chain = new InMemoryTxChain();
    List<List<Sha256Digest>> digests = new ArrayList<>();
    for (int id = 1; id <= 12; id++) {
      List<TxEntry> entries = InMemoryTxChain.randomEntries(rnd, 1 + rnd.nextInt(5));
      chain.commit(entries, 1_632_000_000L + id);
      digests.add(digests(entries));
    }
    for (long id = 1; id <= chain.size(); id++) {
      TxHeader t = chain.header(id);
      List<Sha256Digest> d = digests.get((int) id - 1);
      long prev = id - 1;
      assertThat(firstFailure(chain, prev, t, d)).isNull();
      assertThat(firstFailure(chain, prev, withId(t, id + 1), d)).isEqualTo(Reason.TX_ID_MISMATCH);
      TxHeader prevAlh =
          new TxHeader(id, flip(t.prevAlh()), t.ts(), t.nEntries(), t.eh(), prev, t.blRoot());
      assertThat(firstFailure(chain, prev, prevAlh, d)).isEqualTo(Reason.ALH_MISMATCH);
      TxHeader n =
          new TxHeader(id, t.prevAlh(), t.ts(), t.nEntries() + 1, t.eh(), prev, t.blRoot());
      assertThat(firstFailure(chain, prev, n, d)).isEqualTo(Reason.ENTRY_MISMATCH);
      TxHeader eh =
          new TxHeader(id, t.prevAlh(), t.ts(), t.nEntries(), flip(t.eh()), prev, t.blRoot());
      assertThat(firstFailure(chain, prev, eh, d)).isEqualTo(Reason.TX_INCLUSION);
      TxHeader blRoot =
          new TxHeader(id, t.prevAlh(), t.ts(), t.nEntries(), t.eh(), prev, flip(t.blRoot()));
      assertThat(firstFailure(chain, prev, blRoot, d)).isEqualTo(Reason.AHT_CONSISTENCY);
      if (prev >= 1) {
        TxHeader blTxId =
            new TxHeader(id, t.prevAlh(), t.ts(), t.nEntries(), t.eh(), prev - 1, t.blRoot());
        assertThat(firstFailure(chain, prev, blTxId, d)).isEqualTo(Reason.AHT_CONSISTENCY);
      }
      if (id < chain.size()) {
        TxHeader ts =
            new TxHeader(id, t.prevAlh(), t.ts() + 1, t.nEntries(), t.eh(), prev, t.blRoot());
        assertThat(firstFailure(chain, prev, ts, d)).isNull();
        Sha256Digest changedAlh = ts.alh(h);
        TxHeader following = chain.header(id + 1);
        Check next = () -> TxChainVerifier.verifyLinearLink(prev + 1, changedAlh, following);
        assertThat(reject(next).reason()).isEqualTo(Reason.ALH_MISMATCH);
      }
    }
  }

  private static TxHeader withId(TxHeader t, long id) {
    return new TxHeader(id, t.prevAlh(), t.ts(), t.nEntries(), t.eh(), t.blTxId(), t.blRoot());
  }

  /** Runs every check in order against the committed chain; the first failure's reason, or null. */
  private Reason firstFailure(InMemoryTxChain c, long prev, TxHeader next, List<Sha256Digest> d) {
    Sha256Digest prevAlh = prev == 0 ? Sha256Digest.EMPTY : c.alh(prev);
    try {
      TxChainVerifier.verifyLinearLink(prev, prevAlh, next);
      TxChainVerifier.verifyEntries(next, d, h);
      TxChainVerifier.verifySyncBinaryLink(next, n -> AhtProofs.root(c.aht(), n, h));
      return null;
    } catch (VerificationException e) {
      return e.reason();
    }
  }
}
