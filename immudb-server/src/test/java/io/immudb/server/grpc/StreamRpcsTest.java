package io.immudb.server.grpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.Chunk;
import io.immudb.proto.Entry;
import io.immudb.proto.HistoryRequest;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.KeyValue;
import io.immudb.proto.ScanRequest;
import io.immudb.proto.SetRequest;
import io.immudb.proto.TxMetadata;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.VerifiableTx;
import io.immudb.proto.ZAddRequest;
import io.immudb.proto.ZScanRequest;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.auth.PasswordHasher;
import io.immudb.server.auth.UserStore;
import io.immudb.server.db.DatabaseRegistry;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming RPCs of spec v1 §12 through a real stub, over an in-process server. */
class StreamRpcsTest {
  @TempDir Path tmp;
  private DatabaseRegistry registry;
  private Server server;
  private ManagedChannel channel;
  private ImmuServiceGrpc.ImmuServiceBlockingStub blocking;
  private ImmuServiceGrpc.ImmuServiceStub async;

  @BeforeEach
  void start() throws Exception {
    registry = DatabaseRegistry.open(tmp, false);
    UserStore users = new UserStore(registry, new PasswordHasher(4), Clock.systemUTC());
    LoginSessions tokens =
        new LoginSessions(users, registry, Duration.ofHours(1), Clock.systemUTC());
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(ImmuServices.service(registry, users, tokens, false, false))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    blocking = ImmuServiceGrpc.newBlockingStub(channel);
    async = ImmuServiceGrpc.newStub(channel);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    registry.close();
  }

  // ------------------------------------------------------------------ helpers

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private static byte[] u64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  private static byte[] value(int n) {
    byte[] v = new byte[n];
    for (int i = 0; i < n; i++) {
      v[i] = (byte) (i * 7 + 1);
    }
    return v;
  }

  /** Sends {@code messages} on a client stream (4 KiB chunks) and waits for the one answer. */
  private static <T> T send(
      Function<StreamObserver<T>, StreamObserver<Chunk>> call, byte[]... messages)
      throws Exception {
    return sendChunks(
        call,
        out -> {
          ChunkWriter w = new ChunkWriter(out, 4096);
          Arrays.stream(messages).forEach(w::send);
        });
  }

  private static <T> T sendChunks(
      Function<StreamObserver<T>, StreamObserver<Chunk>> call,
      java.util.function.Consumer<StreamObserver<Chunk>> body)
      throws Exception {
    CompletableFuture<T> answer = new CompletableFuture<>();
    StreamObserver<Chunk> req =
        call.apply(
            new StreamObserver<>() {
              @Override
              public void onNext(T v) {
                answer.complete(v);
              }

              @Override
              public void onError(Throwable t) {
                answer.completeExceptionally(t);
              }

              @Override
              public void onCompleted() {}
            });
    body.accept(req);
    req.onCompleted();
    try {
      return answer.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  /** Reassembles the messages of a server stream, checking the chunk size on the way. */
  private static List<byte[]> messages(Iterator<Chunk> chunks) {
    List<byte[]> got = new ArrayList<>();
    ChunkReader r =
        new ChunkReader(
            () -> new MessageLimit("message", Integer.MAX_VALUE, "none"), got::add, Long.MAX_VALUE);
    chunks.forEachRemaining(
        c -> {
          assertThat(c.getContent().size()).isLessThanOrEqualTo(ChunkWriter.CHUNK_SIZE);
          r.accept(c.getContent());
        });
    r.finish();
    return got;
  }

  private static void assertStatus(Throwable t, Status.Code code, String text) {
    assertThat(t).isInstanceOf(StatusRuntimeException.class);
    Status s = ((StatusRuntimeException) t).getStatus();
    assertThat(s.getCode()).isEqualTo(code);
    assertThat(s.getDescription()).contains(text);
  }

  private void set(String key, byte[] value) {
    blocking.set(
        SetRequest.newBuilder()
            .addKVs(
                KeyValue.newBuilder()
                    .setKey(ByteString.copyFrom(b(key)))
                    .setValue(ByteString.copyFrom(value)))
            .build());
  }

  private static Sha256Digest entryDigest(byte[] key, byte[] value) {
    Sha256Hasher h = Sha256Hasher.create();
    return h.entryDigest(StoredKeys.plain(key), h.hash(StoredValues.plain(value)));
  }

  // ------------------------------------------------------------------ tests

  @Test
  void streamSetThenStreamGetCarryA200KiBValueOverSeveralChunks() throws Exception {
    byte[] big = value(200 * 1024);
    TxMetadata md = send(async::streamSet, b("big"), big, b("small"), b("v"));
    assertThat(md.getNentries()).isEqualTo(2);

    List<Chunk> chunks = new ArrayList<>();
    blocking
        .streamGet(KeyRequest.newBuilder().setKey(ByteString.copyFrom(b("big"))).build())
        .forEachRemaining(chunks::add);
    assertThat(chunks).hasSizeGreaterThan(4); // key + 200 KiB over 64 KiB chunks
    assertThat(messages(chunks.iterator())).containsExactly(b("big"), big);
    assertThat(
            blocking
                .get(KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("small")).build())
                .getValue()
                .toStringUtf8())
        .isEqualTo("v");
  }

  @Test
  void streamVerifiableSetAndGetAnswerProofsThatVerify() throws Exception {
    ImmutableState trusted = blocking.currentState(Empty.getDefaultInstance());
    long since = trusted.getTxId();
    byte[] v = value(70 * 1024);

    VerifiableTx vtx = send(async::streamVerifiableSet, u64(since), b("proved"), v);

    TxHeader target = ProtoProofDecoder.header(vtx.getTx().getMetadata());
    List<TxEntry> entries = ProtoProofDecoder.entries(vtx.getTx());
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).digest(Sha256Hasher.create())).isEqualTo(entryDigest(b("proved"), v));
    assertThat(HTree.ofEntries(entries, Sha256Hasher.create()).root()).isEqualTo(target.eh());
    DualProofVerifier.verify(
        ProtoProofDecoder.dualProof(vtx.getDualProof()),
        since,
        target.id(),
        ProtoProofDecoder.digest(trusted.getTxHash()),
        target.alh());

    // Read it back, proving against the state the set reached.
    set("later", b("x"));
    List<byte[]> m =
        messages(
            blocking.streamVerifiableGet(
                VerifiableGetRequest.newBuilder()
                    .setKeyRequest(
                        KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("proved")))
                    .setProveSinceTx(target.id())
                    .build()));
    assertThat(m).hasSize(4);
    Entry entry = Entry.parseFrom(m.get(0));
    VerifiableTx got = VerifiableTx.parseFrom(m.get(1));
    io.immudb.proto.InclusionProof incl = io.immudb.proto.InclusionProof.parseFrom(m.get(2));
    assertThat(entry.getKey().toStringUtf8()).isEqualTo("proved");
    assertThat(entry.getValue()).isEmpty();
    assertThat(entry.getTx()).isEqualTo(target.id());
    assertThat(m.get(3)).isEqualTo(v);

    // proveSinceTx <= vTx: the proof is checked against the target header (spec v1 §7.4).
    TxHeader vTxHeader = ProtoProofDecoder.header(got.getDualProof().getTargetTxMetadata());
    assertThat(vTxHeader.id()).isEqualTo(entry.getTx());
    HTree.verifyInclusion(
        ProtoProofDecoder.inclusionProof(incl), entryDigest(b("proved"), m.get(3)), vTxHeader.eh());
    DualProofVerifier.verify(
        ProtoProofDecoder.dualProof(got.getDualProof()),
        target.id(),
        vTxHeader.id(),
        target.alh(),
        vTxHeader.alh());
  }

  @Test
  void streamScanSendsKeyValuePairs() throws Exception {
    send(async::streamSet, b("s1"), b("a"), b("s2"), b("bb"), b("t1"), b("c"));

    List<byte[]> m =
        messages(
            blocking.streamScan(
                ScanRequest.newBuilder().setPrefix(ByteString.copyFromUtf8("s")).build()));
    assertThat(m).containsExactly(b("s1"), b("a"), b("s2"), b("bb"));
  }

  @Test
  void streamHistorySendsEveryVersion() throws Exception {
    for (String v : List.of("v1", "v2", "v3")) {
      send(async::streamSet, b("h"), b(v));
    }
    List<byte[]> m =
        messages(
            blocking.streamHistory(
                HistoryRequest.newBuilder().setKey(ByteString.copyFromUtf8("h")).build()));
    assertThat(m).containsExactly(b("h"), b("v1"), b("h"), b("v2"), b("h"), b("v3"));
  }

  @Test
  void streamZScanSendsFiveMessagesPerMember() throws Exception {
    set("m1", b("one"));
    set("m2", b("two"));
    for (var z : List.of(new Object[] {"m1", 2.5}, new Object[] {"m2", 1.0})) {
      blocking.zAdd(
          ZAddRequest.newBuilder()
              .setSet(ByteString.copyFromUtf8("zs"))
              .setKey(ByteString.copyFromUtf8((String) z[0]))
              .setScore((Double) z[1])
              .build());
    }
    List<byte[]> m =
        messages(
            blocking.streamZScan(
                ZScanRequest.newBuilder().setSet(ByteString.copyFromUtf8("zs")).build()));
    assertThat(m).hasSize(10);
    assertThat(m.get(0)).isEqualTo(b("zs"));
    assertThat(m.get(1)).isEqualTo(b("m2"));
    assertThat(ByteBuffer.wrap(m.get(2)).getDouble()).isEqualTo(1.0);
    assertThat(m.get(3)).isEqualTo(u64(0));
    assertThat(m.get(4)).isEqualTo(b("two"));
    assertThat(m.get(6)).isEqualTo(b("m1"));
    assertThat(ByteBuffer.wrap(m.get(7)).getDouble()).isEqualTo(2.5);
    assertThat(m.get(9)).isEqualTo(b("one"));
  }

  @Test
  void streamExecAllCommitsKvAndZAddOperationsInOneTx() throws Exception {
    set("member", b("m"));
    byte[] zAdd =
        ZAddRequest.newBuilder()
            .setSet(ByteString.copyFromUtf8("set"))
            .setKey(ByteString.copyFromUtf8("member"))
            .setScore(3.0)
            .build()
            .toByteArray();
    TxMetadata md =
        send(
            async::streamExecAll,
            new byte[] {1},
            b("k1"),
            b("v1"),
            new byte[] {2},
            zAdd,
            new byte[] {1},
            b("k2"),
            value(100 * 1024));
    assertThat(md.getNentries()).isEqualTo(3);

    assertThat(
            messages(
                blocking.streamGet(
                    KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("k2")).build())))
        .containsExactly(b("k2"), value(100 * 1024));
    List<byte[]> z =
        messages(
            blocking.streamZScan(
                ZScanRequest.newBuilder().setSet(ByteString.copyFromUtf8("set")).build()));
    assertThat(z).hasSize(5);
    assertThat(z.get(3)).isEqualTo(u64(0));
    assertThat(z.get(4)).isEqualTo(b("m"));
  }

  @Test
  void streamExecAllRefusesReferences() {
    assertThatThrownBy(() -> send(async::streamExecAll, new byte[] {4}, b("ref"), b("k")))
        .satisfies(
            t ->
                assertStatus(
                    t,
                    Status.Code.INVALID_ARGUMENT,
                    "reference operations are not supported in streamExecAll"));
  }

  @Test
  void emptyValuesCannotBeStreamed() {
    // A zero-length value message, framed by hand (our writer refuses to send one).
    assertThatThrownBy(
            () ->
                sendChunks(
                    async::streamSet,
                    out -> {
                      new ChunkWriter(out).send(b("k"));
                      out.onNext(
                          Chunk.newBuilder().setContent(ByteString.copyFrom(u64(0))).build());
                    }))
        .satisfies(t -> assertStatus(t, Status.Code.INVALID_ARGUMENT, "empty value"));

    set("empty", new byte[0]);
    assertThatThrownBy(
            () ->
                messages(
                    blocking.streamGet(
                        KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("empty")).build())))
        .satisfies(
            t ->
                assertStatus(
                    t, Status.Code.FAILED_PRECONDITION, "is empty and cannot be streamed"));
  }

  @Test
  void clientStreamsAreHeldToTheStoreLimits() {
    byte[] longKey = value(1025);
    assertThatThrownBy(() -> send(async::streamSet, longKey, b("v")))
        .satisfies(
            t ->
                assertStatus(
                    t,
                    Status.Code.INVALID_ARGUMENT,
                    "streamed key of 1025 bytes exceeds maxKeyLen"));
    // Only the length prefix of a huge value: refused before the payload arrives.
    assertThatThrownBy(
            () ->
                sendChunks(
                    async::streamSet,
                    out -> {
                      new ChunkWriter(out).send(b("k"));
                      out.onNext(
                          Chunk.newBuilder()
                              .setContent(ByteString.copyFrom(u64(1L << 40)))
                              .build());
                    }))
        .satisfies(t -> assertStatus(t, Status.Code.INVALID_ARGUMENT, "exceeds maxValueLen"));
  }

  @Test
  void malformedClientStreamsAreRefused() {
    assertThatThrownBy(() -> send(async::streamSet, b("k")))
        .satisfies(t -> assertStatus(t, Status.Code.INVALID_ARGUMENT, "key without its value"));
    assertThatThrownBy(() -> send(async::streamVerifiableSet, b("short"), b("k"), b("v")))
        .satisfies(t -> assertStatus(t, Status.Code.INVALID_ARGUMENT, "u64(proveSinceTx)"));
    assertThatThrownBy(
            () ->
                sendChunks(
                    async::streamSet,
                    out ->
                        out.onNext(
                            Chunk.newBuilder().setContent(ByteString.copyFrom(u64(5))).build())))
        .satisfies(t -> assertStatus(t, Status.Code.INVALID_ARGUMENT, "ended inside message 1"));
    assertThatThrownBy(() -> send(async::streamExecAll, new byte[] {9}))
        .satisfies(t -> assertStatus(t, Status.Code.INVALID_ARGUMENT, "operation type 9"));
  }
}
