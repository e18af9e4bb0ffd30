package io.immudb.legacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.legacy.LegacyHost;
import io.immudb.legacy.LegacyLedgers;
import io.immudb.legacy.LegacyLogin;
import io.immudb.legacy.LegacyServices;
import io.immudb.legacy.LegacySignature;
import io.immudb.legacy.proto.ImmuServiceGrpc;
import io.immudb.legacy.proto.LegacyProto.Index;
import io.immudb.legacy.proto.LegacyProto.Item;
import io.immudb.legacy.proto.LegacyProto.KVList;
import io.immudb.legacy.proto.LegacyProto.Key;
import io.immudb.legacy.proto.LegacyProto.KeyList;
import io.immudb.legacy.proto.LegacyProto.KeyValue;
import io.immudb.legacy.proto.LegacyProto.Proof;
import io.immudb.legacy.proto.LegacyProto.ReferenceOptions;
import io.immudb.legacy.proto.LegacyProto.Root;
import io.immudb.legacy.proto.LegacyProto.SafeGetOptions;
import io.immudb.legacy.proto.LegacyProto.SafeIndexOptions;
import io.immudb.legacy.proto.LegacyProto.SafeItem;
import io.immudb.legacy.proto.LegacyProto.SafeReferenceOptions;
import io.immudb.legacy.proto.LegacyProto.SafeSetOptions;
import io.immudb.legacy.proto.LegacyProto.SafeZAddOptions;
import io.immudb.legacy.proto.LegacyProto.ZAddOptions;
import io.immudb.legacy.proto.LegacyProto.ZScanOptions;
import io.immudb.legacy.tree.LegacyLeaf;
import io.immudb.legacy.tree.LegacyVerifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The v0.8 service in process, auth off, over one real database. */
class LegacyServiceTest {
  @TempDir Path tmp;
  private Database db;
  private LegacyLedgers ledgers;
  private Server server;
  private ManagedChannel channel;
  private ImmuServiceGrpc.ImmuServiceBlockingStub stub;

  /** Auth off: every call works on the one database. */
  private final class OneDatabase implements LegacyHost {
    @Override
    public boolean authEnabled() {
      return false;
    }

    @Override
    public LegacyLogin login(String user, String password) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void logout(String authorization) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String useDatabase(String authorization, String database) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void createDatabase(String authorization, String database) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> databaseList(String authorization) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Database database(String authorization, String v1Method, boolean write) {
      return db;
    }

    @Override
    public List<Database> databases() {
      return List.of(db);
    }

    @Override
    public Optional<LegacySignature> signRoot(byte[] rootIndexBytes) {
      return Optional.empty();
    }
  }

  @BeforeEach
  void start() throws Exception {
    db = Database.open(tmp.resolve("db"), StoreOptions.defaults());
    ledgers = new LegacyLedgers(new OneDatabase(), Duration.ZERO);
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(LegacyServices.service(new OneDatabase(), ledgers, "test"))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stub = ImmuServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow();
    ledgers.close();
    db.close();
  }

  private static ByteString b(String s) {
    return ByteString.copyFromUtf8(s);
  }

  private static Sha256Digest d(ByteString s) {
    return Sha256Digest.of(s.toByteArray());
  }

  private static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(b(k)).setValue(b(v)).build();
  }

  private static Index idx(long i) {
    return Index.newBuilder().setIndex(i).build();
  }

  private static List<Sha256Digest> digests(List<ByteString> l) {
    return l.stream().map(LegacyServiceTest::d).toList();
  }

  /** The proof checks as immudb4j checks it (spec v0.8 §2.3). */
  private static void verify(Proof p, Item item, Root trusted) throws Exception {
    assertThat(d(p.getLeaf()))
        .isEqualTo(
            LegacyLeaf.hash(
                item.getIndex(), item.getKey().toByteArray(), item.getValue().toByteArray()));
    LegacyVerifier.verifyInclusion(
        p.getIndex(), p.getAt(), d(p.getLeaf()), digests(p.getInclusionPathList()), d(p.getRoot()));
    long f = trusted.getPayload().getIndex();
    if (f > 0) {
      LegacyVerifier.verifyConsistency(
          f,
          d(trusted.getPayload().getRoot()),
          p.getAt(),
          d(p.getRoot()),
          digests(p.getConsistencyPathList()));
    }
  }

  @Test
  void writesReadsAndProofsCheckOut() throws Exception {
    Root empty = stub.currentRoot(Empty.getDefaultInstance());
    // An empty database: index 0 and an empty root (spec v0.8 §2.5).
    assertThat(empty.getPayload().getIndex()).isZero();
    assertThat(empty.getPayload().getRoot()).isEmpty();
    assertThat(stub.set(kv("a", "1")).getIndex()).isZero();
    assertThat(stub.set(kv("a2", "1")).getIndex()).isEqualTo(1);
    Item a = stub.get(Key.newBuilder().setKey(b("a")).build());
    assertThat(a.getValue()).isEqualTo(b("1"));
    assertThat(a.getIndex()).isZero();
    Root r1 = stub.currentRoot(Empty.getDefaultInstance());
    Proof p =
        stub.safeSet(SafeSetOptions.newBuilder().setKv(kv("b", "2")).setRootIndex(idx(1)).build());
    verify(p, Item.newBuilder().setKey(b("b")).setValue(b("2")).setIndex(p.getIndex()).build(), r1);
    Root r2 =
        Root.newBuilder()
            .setPayload(r1.getPayload().toBuilder().setIndex(p.getAt()).setRoot(p.getRoot()))
            .build();
    assertThat(
            stub.setBatch(KVList.newBuilder().addKVs(kv("c", "3")).addKVs(kv("d", "4")).build())
                .getIndex())
        .isEqualTo(4);
    SafeItem g =
        stub.safeGet(
            SafeGetOptions.newBuilder().setKey(b("a")).setRootIndex(idx(p.getAt())).build());
    verify(g.getProof(), g.getItem(), r2);
    assertThat(
            stub.getBatch(
                    KeyList.newBuilder()
                        .addKeys(Key.newBuilder().setKey(b("d")))
                        .addKeys(Key.newBuilder().setKey(b("nope")))
                        .build())
                .getItemsList())
        .extracting(Item::getValue)
        .containsExactly(b("4"));
    SafeItem byIndex =
        stub.bySafeIndex(SafeIndexOptions.newBuilder().setIndex(3).setRootIndex(idx(2)).build());
    assertThat(byIndex.getItem().getKey()).isEqualTo(b("c"));
    verify(byIndex.getProof(), byIndex.getItem(), r2);
  }

  @Test
  void safeReferenceAndSafeZAddProveTheNewEntry() throws Exception {
    stub.set(kv("a", "1"));
    Root r0 = stub.currentRoot(Empty.getDefaultInstance());
    Proof ref =
        stub.safeReference(
            SafeReferenceOptions.newBuilder()
                .setRo(ReferenceOptions.newBuilder().setReference(b("r")).setKey(b("a")))
                .setRootIndex(idx(r0.getPayload().getIndex()))
                .build());
    assertThat(ref.getIndex()).isEqualTo(1);
    assertThat(ref.getAt()).isEqualTo(1);
    Item refItem = stub.byIndex(idx(ref.getIndex()));
    verify(ref, refItem, r0);
    // The reference resolves to its target through the v0.8 API.
    assertThat(stub.get(Key.newBuilder().setKey(b("r")).build()).getValue()).isEqualTo(b("1"));
    Root r1 =
        Root.newBuilder()
            .setPayload(r0.getPayload().toBuilder().setIndex(ref.getAt()).setRoot(ref.getRoot()))
            .build();
    Proof z =
        stub.safeZAdd(
            SafeZAddOptions.newBuilder()
                .setZopts(ZAddOptions.newBuilder().setSet(b("s")).setKey(b("a")).setScore(2.5))
                .setRootIndex(idx(ref.getAt()))
                .build());
    assertThat(z.getIndex()).isEqualTo(2);
    verify(z, stub.byIndex(idx(z.getIndex())), r1);
    assertThat(
            stub.zScan(ZScanOptions.newBuilder().setSet(b("s")).build()).getItemsList().stream()
                .map(Item::getValue)
                .toList())
        .containsExactly(b("1"));
    // A root index the tree doesn't have, a missing target, a malformed score: nothing is written.
    long before = lastTx();
    assertRefused(
        () ->
            stub.safeReference(
                SafeReferenceOptions.newBuilder()
                    .setRo(ReferenceOptions.newBuilder().setReference(b("r2")).setKey(b("a")))
                    .setRootIndex(idx(99))
                    .build()),
        Status.Code.INVALID_ARGUMENT,
        "invalid root index");
    assertRefused(
        () ->
            stub.safeZAdd(
                SafeZAddOptions.newBuilder()
                    .setZopts(ZAddOptions.newBuilder().setSet(b("s")).setKey(b("missing")))
                    .build()),
        Status.Code.NOT_FOUND,
        "Key not found");
    ZAddOptions badScore =
        ZAddOptions.newBuilder()
            .setSet(b("s"))
            .setKey(b("a"))
            .setUnknownFields(
                UnknownFieldSet.newBuilder()
                    .addField(
                        2,
                        UnknownFieldSet.Field.newBuilder()
                            .addLengthDelimited(ByteString.copyFrom(new byte[] {0x09}))
                            .build())
                    .build())
            .build();
    assertRefused(
        () -> stub.safeZAdd(SafeZAddOptions.newBuilder().setZopts(badScore).build()),
        Status.Code.INVALID_ARGUMENT,
        "score (field 2)");
    assertThat(lastTx()).isEqualTo(before);
  }

  private long lastTx() {
    return db.lastTxId();
  }

  private static void assertRefused(Runnable call, Status.Code code, String text) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(code);
              assertThat(e.getStatus().getDescription()).contains(text);
            });
  }

  @Test
  void malformedRequestsAreRefusedAndChangeNothing() {
    long before = lastTx();
    // ZAddOptions.score as a v0.8.1 Score message (wire type 2) instead of a double.
    ByteString score = ByteString.copyFrom(new byte[] {0x09, 0, 0, 0, 0, 0, 0, (byte) 0xf8, 0x3f});
    ZAddOptions zadd =
        ZAddOptions.newBuilder()
            .setSet(b("set"))
            .setKey(b("a"))
            .setUnknownFields(
                UnknownFieldSet.newBuilder()
                    .addField(
                        2, UnknownFieldSet.Field.newBuilder().addLengthDelimited(score).build())
                    .build())
            .build();
    assertRefused(() -> stub.zAdd(zadd), Status.Code.INVALID_ARGUMENT, "score (field 2)");
    KVList.Builder big = KVList.newBuilder();
    for (int i = 0; i <= db.limits().maxTxEntries(); i++) {
      big.addKVs(kv("k" + i, "v"));
    }
    assertRefused(() -> stub.setBatch(big.build()), Status.Code.INVALID_ARGUMENT, "too big");
    assertRefused(
        () -> stub.setBatch(KVList.newBuilder().addKVs(kv("x", "1")).addKVs(kv("x", "2")).build()),
        Status.Code.INVALID_ARGUMENT,
        "duplicated keys");
    assertRefused(
        () -> stub.setBatch(KVList.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "empty set");
    assertRefused(
        () ->
            stub.set(KeyValue.newBuilder().setKey(ByteString.copyFrom(new byte[] {0, 1})).build()),
        Status.Code.INVALID_ARGUMENT,
        "invalid key");
    assertRefused(
        () ->
            stub.safeSet(
                SafeSetOptions.newBuilder().setKv(kv("y", "1")).setRootIndex(idx(1000)).build()),
        Status.Code.INVALID_ARGUMENT,
        "invalid root index");
    assertRefused(
        () -> stub.get(Key.newBuilder().setKey(b("missing")).build()),
        Status.Code.NOT_FOUND,
        "Key not found");
    assertRefused(() -> stub.byIndex(idx(999)), Status.Code.NOT_FOUND, "index not found");
    assertThat(lastTx()).isEqualTo(before);
  }
}
