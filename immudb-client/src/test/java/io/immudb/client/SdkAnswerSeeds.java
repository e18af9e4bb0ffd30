package io.immudb.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.immudb.client.SdkAnswerFuzzTest.Op;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.KeyValue;
import io.immudb.proto.LoginRequest;
import io.immudb.proto.SQLExecRequest;
import io.immudb.proto.SQLGetRequest;
import io.immudb.proto.SQLValue;
import io.immudb.proto.SetRequest;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.VerifiableSQLGetRequest;
import io.immudb.proto.VerifiableSetRequest;
import io.immudb.proto.VerifiableTxRequest;
import io.immudb.server.ImmudbServer;
import io.immudb.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the seed corpus of {@link SdkAnswerFuzzTest}: genuine answers of a real server to the
 * target's fixed requests, each behind the trusted state it is proven from. Run by hand when the
 * wire format changes: {@code mvn -o -pl immudb-client -am test -Dtest=SdkAnswerFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dimmudb.writeSeeds=true}.
 */
final class SdkAnswerSeeds {
  private SdkAnswerSeeds() {}

  static void write(Path dir, Path data) throws Exception {
    Files.createDirectories(dir);
    try (ImmudbServer server =
        ImmudbServer.start(
            ServerConfig.builder()
                .set("dir", data)
                .set("address", "127.0.0.1")
                .set("port", 0)
                .set("synced", false)
                .set("consistency-check", false)
                .set("web-server", false)
                .set("metrics-server", false)
                .build())) {
      ManagedChannel ch =
          NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        ImmuServiceBlockingStub anon = ImmuServiceGrpc.newBlockingStub(ch);
        String token =
            anon.login(
                    LoginRequest.newBuilder()
                        .setUser(ByteString.copyFromUtf8("immudb"))
                        .setPassword(ByteString.copyFromUtf8("immudb"))
                        .build())
                .getToken();
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), token);
        ImmuServiceBlockingStub s =
            anon.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
        s.set(SetRequest.newBuilder().addKVs(kv("k0", "x")).build());
        ImmutableState st1 = s.currentState(Empty.getDefaultInstance());
        Message set =
            s.verifiableSet(
                VerifiableSetRequest.newBuilder()
                    .setSetRequest(SetRequest.newBuilder().addKVs(kv("k", "v")))
                    .setProveSinceTx(st1.getTxId())
                    .build());
        ImmutableState st2 = s.currentState(Empty.getDefaultInstance());
        Message get =
            s.verifiableGet(
                VerifiableGetRequest.newBuilder()
                    .setKeyRequest(KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("k")))
                    .setProveSinceTx(st1.getTxId())
                    .build());
        Message tx =
            s.verifiableTxById(
                VerifiableTxRequest.newBuilder()
                    .setTx(st2.getTxId())
                    .setProveSinceTx(st1.getTxId())
                    .build());
        Message older =
            s.verifiableTxById(
                VerifiableTxRequest.newBuilder()
                    .setTx(st1.getTxId())
                    .setProveSinceTx(st2.getTxId())
                    .build());
        s.sQLExec(
            SQLExecRequest.newBuilder()
                .setSql(
                    "CREATE TABLE t (id INTEGER, PRIMARY KEY id); UPSERT INTO t (id) VALUES (1)")
                .build());
        Message sql =
            s.verifiableSQLGet(
                VerifiableSQLGetRequest.newBuilder()
                    .setSqlGetRequest(
                        SQLGetRequest.newBuilder()
                            .setTable("t")
                            .addPkValues(SQLValue.newBuilder().setN(1)))
                    .setProveSinceTx(st2.getTxId())
                    .build());
        Files.write(dir.resolve("seed-set"), seed(Op.SET, st1, 0, set.toByteArray()));
        Files.write(dir.resolve("seed-get"), seed(Op.GET, st1, 0, get.toByteArray()));
        Files.write(
            dir.resolve("seed-tx"), seed(Op.TX_BY_ID, st1, st2.getTxId(), tx.toByteArray()));
        Files.write(
            dir.resolve("seed-tx-older"),
            seed(Op.TX_BY_ID, st2, st1.getTxId(), older.toByteArray()));
        Files.write(dir.resolve("seed-sql"), seed(Op.SQL_GET, st2, 0, sql.toByteArray()));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (String m : new String[] {"k", "v"}) {
          stream.writeBytes(ByteBuffer.allocate(8).putLong(1).array());
          stream.writeBytes(m.getBytes());
        }
        Files.write(dir.resolve("seed-stream"), seed(Op.STREAM, st1, 0, stream.toByteArray()));
      } finally {
        ch.shutdownNow();
      }
    }
  }

  private static KeyValue.Builder kv(String k, String v) {
    return KeyValue.newBuilder()
        .setKey(ByteString.copyFromUtf8(k))
        .setValue(ByteString.copyFromUtf8(v));
  }

  private static byte[] seed(Op op, ImmutableState trusted, long asked, byte[] answer) {
    return ByteBuffer.allocate(SdkAnswerFuzzTest.PREFIX + answer.length)
        .put((byte) op.ordinal())
        .putLong(trusted.getTxId())
        .put(trusted.getTxHash().toByteArray())
        .putLong(asked)
        .put(answer)
        .array();
  }
}
