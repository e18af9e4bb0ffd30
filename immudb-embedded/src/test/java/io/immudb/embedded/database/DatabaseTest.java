package io.immudb.embedded.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.InvalidRequestException.Kind;
import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.TxNotFoundException;
import io.immudb.embedded.store.StoreOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;
  private Database db;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @BeforeEach
  void open() throws IOException {
    db = Database.open(dir.resolve("testdb"), StoreOptions.builder().synced(false).build());
  }

  @AfterEach
  void close() throws IOException {
    db.close();
  }

  @Test
  void setGetAtAndSince() {
    TxHeader t1 = db.set(b("hello"), b("world"));
    TxHeader t2 = db.set(b("hello"), b("again"));
    assertThat(db.name()).isEqualTo("testdb");
    Entry e = db.get(b("hello"));
    assertThat(s(e.value())).isEqualTo("again");
    assertThat(e.tx()).isEqualTo(t2.id());
    assertThat(s(db.getAt(b("hello"), t1.id()).value())).isEqualTo("world");
    assertThat(s(db.getSince(b("hello"), t2.id()).value())).isEqualTo("again");
    assertThatThrownBy(() -> db.getAt(b("hello"), 99)).isInstanceOf(TxNotFoundException.class);
    db.set(b("other"), b("x"));
    assertThatThrownBy(() -> db.getAt(b("hello"), 3)).isInstanceOf(KeyNotFoundException.class);
    assertThatThrownBy(() -> db.get(b("missing")))
        .isInstanceOf(KeyNotFoundException.class)
        .hasMessageStartingWith("key not found");
    assertThatThrownBy(() -> db.get(b("hello"), 1, 1))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            x -> assertThat(x.kind()).isEqualTo(Kind.ILLEGAL_ARGUMENTS));
    assertThatThrownBy(() -> db.get(new byte[0])).isInstanceOf(InvalidRequestException.class);
    // Stored forms (spec v1 §3): values are prefixed, and an empty value is one byte.
    db.set(b("empty"), new byte[0]);
    assertThat(db.get(b("empty")).value()).isEmpty();
  }

  @Test
  void setAllIsOneTransactionAndGetAllFailsAsAWhole() {
    TxHeader h =
        db.setAll(List.of(new KeyValue(b("a"), b("1")), new KeyValue(b("b"), b("2"))), false);
    assertThat(h.nEntries()).isEqualTo(2);
    assertThat(db.getAll(List.of(b("b"), b("a")), 0))
        .extracting(e -> s(e.value()))
        .containsExactly("2", "1");
    assertThatThrownBy(() -> db.getAll(List.of(b("a"), b("zz")), 0))
        .isInstanceOf(KeyNotFoundException.class);
    assertThatThrownBy(() -> db.setAll(List.of(), false))
        .hasMessageContaining("no entries provided");
    assertThatThrownBy(
            () ->
                db.setAll(
                    List.of(new KeyValue(b("a"), b("1")), new KeyValue(b("a"), b("2"))), false))
        .hasMessageContaining("duplicated key");
  }

  @Test
  void historyOffsetsLimitsAndOrder() {
    for (int i = 0; i < 5; i++) {
      db.set(b("k"), b("v" + i));
    }
    assertThat(db.history(b("k"), 0, 0, false, 0))
        .extracting(e -> s(e.value()))
        .containsExactly("v0", "v1", "v2", "v3", "v4");
    assertThat(db.history(b("k"), 1, 2, true, 0))
        .extracting(e -> s(e.value()))
        .containsExactly("v3", "v2");
    assertThatThrownBy(() -> db.history(b("k"), 5, 0, false, 0))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            x -> assertThat(x.kind()).isEqualTo(Kind.NO_MORE_ENTRIES));
    assertThat(db.history(b("k"), 6, 0, false, 0)).isEmpty();
    assertThatThrownBy(() -> db.history(b("nope"), 0, 0, false, 0))
        .isInstanceOf(KeyNotFoundException.class);
    assertThatThrownBy(() -> db.history(b("k"), 0, 1001, false, 0))
        .hasMessageContaining("max key scan limit exceeded");
  }

  @Test
  void scanWithPrefixSeekDescAndAsOfTx() {
    db.set(b("a1"), b("x"));
    db.set(b("a2"), b("y"));
    TxHeader t = db.set(b("a3"), b("z"));
    db.set(b("b1"), b("w"));
    db.set(b("a2"), b("y2"));
    assertThat(db.scan(ScanRequest.builder().prefix(b("a")).build()))
        .extracting(e -> s(e.key()) + "=" + s(e.value()))
        .containsExactly("a1=x", "a2=y2", "a3=z");
    assertThat(db.scan(ScanRequest.builder().prefix(b("a")).seekKey(b("a1")).build()))
        .extracting(e -> s(e.key()))
        .containsExactly("a2", "a3");
    assertThat(db.scan(ScanRequest.builder().desc(true).limit(2).build()))
        .extracting(e -> s(e.key()))
        .containsExactly("b1", "a3");
    assertThat(db.scan(ScanRequest.builder().prefix(b("a")).atTx(t.id()).build()))
        .extracting(e -> s(e.value()))
        .containsExactly("x", "y", "z");
    assertThat(db.scan(ScanRequest.builder().endKey(b("a2")).build()))
        .extracting(e -> s(e.key()))
        .containsExactly("a1", "a2");
    assertThat(db.count(b("a"))).isEqualTo(3);
    assertThat(db.countAll()).isEqualTo(4);
  }

  @Test
  void referencesResolveOneLevel() {
    TxHeader v1 = db.set(b("target"), b("one"));
    db.set(b("target"), b("two"));
    TxHeader r = db.setReference(b("ref"), b("target"), 0, false, false);
    Entry e = db.get(b("ref"));
    assertThat(s(e.key())).isEqualTo("target");
    assertThat(s(e.value())).isEqualTo("two");
    assertThat(e.referencedBy())
        .get()
        .satisfies(
            ref -> {
              assertThat(s(ref.key())).isEqualTo("ref");
              assertThat(ref.tx()).isEqualTo(r.id());
              assertThat(ref.atTx()).isZero();
            });
    db.setReference(b("pinned"), b("target"), v1.id(), true, false);
    assertThat(s(db.get(b("pinned")).value())).isEqualTo("one");
    // Scan resolves references; history does not.
    assertThat(db.scan(ScanRequest.builder().prefix(b("ref")).build()))
        .extracting(x -> s(x.value()))
        .containsExactly("two");
    byte[] raw = db.history(b("ref"), 0, 0, false, 0).get(0).value();
    assertThat(raw)
        .isEqualTo(java.util.Arrays.copyOfRange(StoredValues.reference(0, b("target")), 1, 16));
    assertThatThrownBy(() -> db.setReference(b("r2"), b("ref"), 0, false, false))
        .hasMessageContaining("referenced key cannot be a reference");
    assertThatThrownBy(() -> db.setReference(b("target"), b("ref"), 0, false, false))
        .hasMessageContaining("final key cannot be converted into a reference");
    assertThatThrownBy(() -> db.setReference(b("r3"), b("absent"), 0, false, false))
        .isInstanceOf(KeyNotFoundException.class);
    assertThatThrownBy(() -> db.setReference(b("r3"), b("target"), 1, false, false))
        .hasMessageContaining("illegal arguments");
  }

  @Test
  void sortedSetsScanInScoreOrder() {
    db.set(b("alice"), b("A"));
    db.set(b("bob"), b("B"));
    db.set(b("carol"), b("C"));
    db.zAdd(b("board"), 30, b("alice"), 0, false, false);
    db.zAdd(b("board"), 10, b("bob"), 0, false, false);
    db.zAdd(b("board"), 20, b("carol"), 0, false, false);
    db.zAdd(b("other"), 1, b("carol"), 0, false, false);
    assertThat(db.zScan(ZScanRequest.builder(b("board")).build()))
        .extracting(z -> s(z.key()) + ":" + z.score() + ":" + s(z.entry().value()))
        .containsExactly("bob:10.0:B", "carol:20.0:C", "alice:30.0:A");
    assertThat(db.zScan(ZScanRequest.builder(b("board")).desc(true).limit(2).build()))
        .extracting(z -> s(z.key()))
        .containsExactly("alice", "carol");
    assertThat(db.zScan(ZScanRequest.builder(b("board")).minScore(15.0).maxScore(30.0).build()))
        .extracting(z -> s(z.key()))
        .containsExactly("carol", "alice");
    assertThat(db.zScan(ZScanRequest.builder(b("board")).seek(b("carol"), 20, 0, false).build()))
        .extracting(z -> s(z.key()))
        .containsExactly("alice");
    assertThatThrownBy(() -> db.zAdd(b("board"), 1, b("nobody"), 0, false, false))
        .isInstanceOf(KeyNotFoundException.class);
    assertThatThrownBy(() -> db.zAdd(new byte[0], 1, b("bob"), 0, false, false))
        .hasMessageContaining("illegal arguments");
  }

  @Test
  void execAllCommitsEverythingInOneTx() {
    TxHeader h =
        db.execAll(
            List.of(
                new Op.Kv(b("x"), b("1")),
                new Op.Ref(b("rx"), b("x"), 0, true),
                new Op.ZAdd(b("set"), 5, b("x"), 0, false)),
            false);
    assertThat(h.nEntries()).isEqualTo(3);
    Entry viaRef = db.get(b("rx"));
    assertThat(viaRef.referencedBy().get().atTx()).isEqualTo(h.id());
    assertThat(s(viaRef.value())).isEqualTo("1");
    assertThat(db.zScan(ZScanRequest.builder(b("set")).build())).hasSize(1);
    assertThatThrownBy(() -> db.execAll(List.of(), false)).hasMessageContaining("empty set");
    assertThatThrownBy(
            () -> db.execAll(List.of(new Op.Kv(b("d"), b("1")), new Op.Kv(b("d"), b("2"))), false))
        .hasMessageContaining("duplicated keys are not supported");
    assertThatThrownBy(() -> db.execAll(List.of(new Op.Ref(b("q"), b("x"), 1, false)), false))
        .hasMessageContaining("illegal arguments");
  }

  @Test
  void txByIdAndTxScan() {
    for (int i = 0; i < 5; i++) {
      db.set(b("k" + i), b("v"));
    }
    assertThat(db.txById(3).header().id()).isEqualTo(3);
    assertThat(StoredKeys.userKey(db.txById(3).entries().get(0).key())).isEqualTo(b("k2"));
    assertThatThrownBy(() -> db.txById(0)).hasMessageContaining("illegal arguments");
    assertThatThrownBy(() -> db.txById(9)).isInstanceOf(TxNotFoundException.class);
    assertThat(db.txScan(2, 2, false)).extracting(t -> t.header().id()).containsExactly(2L, 3L);
    assertThat(db.txScan(2, 0, true)).extracting(t -> t.header().id()).containsExactly(2L, 1L);
  }

  @Test
  void asyncSetsAreIndexedWhenTheyCompleteAndRejectBadInputAtOnce() throws Exception {
    TxHeader h = db.setAllAsync(List.of(new KeyValue(b("a"), b("1"))), false).get();
    assertThat(db.indexedTxId()).isGreaterThanOrEqualTo(h.id());
    assertThat(s(db.get(b("a"), 0, 0).value())).isEqualTo("1");
    assertThatThrownBy(() -> db.setAllAsync(List.of(new KeyValue(b(""), b("1"))), false))
        .hasMessageContaining("empty key");
    assertThatThrownBy(
            () -> db.verifiableSetAsync(List.of(new KeyValue(b("x"), b("1"))), 99, Runnable::run))
        .hasMessageContaining("proveSinceTx 99");

    ImmuState trusted = db.currentState();
    VerifiableTx vt =
        db.verifiableSetAsync(List.of(new KeyValue(b("b"), b("2"))), trusted.txId(), Runnable::run)
            .get();
    DualProofVerifier.verify(
        vt.dualProof(),
        trusted.txId(),
        vt.tx().header().id(),
        trusted.txHash(),
        vt.dualProof().targetTxHeader().alh());
  }

  /**
   * What a client does with a verifiable get (spec v1 §7.4): check inclusion and the dual proof.
   */
  @Test
  void verifiableReadsAndWritesCheckOutClientSide() throws VerificationException {
    db.set(b("a"), b("1"));
    ImmuState trusted = db.currentState();
    VerifiableTx vt = db.verifiableSet(List.of(new KeyValue(b("b"), b("2"))), trusted.txId());
    long target = vt.tx().header().id();
    Sha256Digest targetAlh = vt.dualProof().targetTxHeader().alh();
    DualProofVerifier.verify(vt.dualProof(), trusted.txId(), target, trusted.txHash(), targetAlh);
    ImmuState next = new ImmuState(db.name(), target, targetAlh);

    db.set(b("c"), b("3"));
    // Reading an older entry from a newer state: the proof goes from the entry's tx to the state.
    VerifiableEntry ve = db.verifiableGet(b("a"), 0, 0, next.txId());
    long vTx = ve.entry().tx();
    assertThat(vTx).isLessThan(next.txId());
    Sha256Hasher h = Sha256Hasher.create();
    Sha256Digest digest =
        h.entryDigest(StoredKeys.plain(b("a")), h.hash(StoredValues.plain(ve.entry().value())));
    HTree.verifyInclusion(
        ve.inclusionProof(), digest, ve.verifiableTx().dualProof().sourceTxHeader().eh());
    DualProofVerifier.verify(
        ve.verifiableTx().dualProof(),
        vTx,
        next.txId(),
        ve.verifiableTx().dualProof().sourceTxHeader().alh(),
        next.txHash());

    // A newer entry from an older state.
    VerifiableEntry vc = db.verifiableGet(b("c"), 0, 0, next.txId());
    DualProofVerifier.verify(
        vc.verifiableTx().dualProof(),
        next.txId(),
        vc.entry().tx(),
        next.txHash(),
        vc.verifiableTx().dualProof().targetTxHeader().alh());

    // Through a reference, the proven entry is the reference itself.
    db.setReference(b("ra"), b("a"), 0, false, false);
    VerifiableEntry vr = db.verifiableGet(b("ra"), 0, 0, 0);
    long refTx = vr.entry().referencedBy().get().tx();
    assertThat(vr.verifiableTx().tx().header().id()).isEqualTo(refTx);
    Sha256Digest refDigest =
        h.entryDigest(StoredKeys.plain(b("ra")), h.hash(StoredValues.reference(0, b("a"))));
    HTree.verifyInclusion(vr.inclusionProof(), refDigest, vr.verifiableTx().tx().header().eh());

    assertThatThrownBy(() -> db.verifiableGet(b("a"), 0, 0, 999))
        .hasMessageContaining("illegal state");
    assertThatThrownBy(() -> db.verifiableZAdd(b("s"), 1, b("a"), 0, false, 999))
        .hasMessageContaining("illegal arguments");
    VerifiableTx byId = db.verifiableTxById(2, db.currentState().txId());
    assertThat(byId.dualProof().sourceTxHeader().id()).isEqualTo(2);
  }
}
