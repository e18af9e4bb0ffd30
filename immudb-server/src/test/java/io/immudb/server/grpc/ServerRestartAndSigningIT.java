package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.core.state.ImmuState;
import io.immudb.core.state.StateSignatures;
import io.immudb.proto.Database;
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
import io.immudb.proto.VerifiableEntry;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.VerifiableSQLEntry;
import io.immudb.proto.VerifiableSQLGetRequest;
import io.immudb.proto.VerifiableSetRequest;
import io.immudb.proto.VerifiableTx;
import io.immudb.server.ImmudbServer;
import io.immudb.server.config.ServerConfig;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on a loopback port: data, users and a client's verified state survive a restart,
 * and with a signing key every state and verified answer carries a valid signature.
 */
class ServerRestartAndSigningIT {
  @TempDir Path tmp;

  private static ByteString s(String v) {
    return ByteString.copyFromUtf8(v);
  }

  private static ImmuServiceBlockingStub login(ManagedChannel ch, String user, String pw) {
    ImmuServiceBlockingStub anon = ImmuServiceGrpc.newBlockingStub(ch);
    String token =
        anon.login(LoginRequest.newBuilder().setUser(s(user)).setPassword(s(pw)).build())
            .getToken();
    return withToken(anon, token);
  }

  private static ImmuServiceBlockingStub withToken(ImmuServiceBlockingStub stub, String token) {
    Metadata md = new Metadata();
    md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
  }

  private static ManagedChannel channel(ImmudbServer server) {
    return NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  private ServerConfig config(Path key) {
    ServerConfig.Builder b =
        ServerConfig.builder()
            .set("dir", tmp.resolve("data"))
            .set("address", "127.0.0.1")
            .set("port", 0)
            .set("synced", true);
    if (key != null) {
      b.set("signingKey", key);
    }
    return b.build();
  }

  @Test
  void dataUsersAndAVerifiedStateSurviveARestart() throws Exception {
    ImmuState trusted;
    try (ImmudbServer server = ImmudbServer.start(config(null))) {
      ManagedChannel ch = channel(server);
      try {
        ImmuServiceBlockingStub c = login(ch, "immudb", "immudb");
        c.createUser(
            io.immudb.proto.CreateUserRequest.newBuilder()
                .setUser(s("carol"))
                .setPassword(s("Secret12#"))
                .setPermission(2)
                .setDatabase("defaultdb")
                .build());
        c.set(
            SetRequest.newBuilder()
                .addKVs(KeyValue.newBuilder().setKey(s("k")).setValue(s("v1")))
                .build());
        ImmutableState st = c.currentState(Empty.getDefaultInstance());
        trusted =
            new ImmuState(st.getDb(), st.getTxId(), Sha256Digest.of(st.getTxHash().toByteArray()));
        assertThat(trusted.txId()).isEqualTo(2);
      } finally {
        ch.shutdownNow();
      }
    }
    try (ImmudbServer server = ImmudbServer.start(config(null))) {
      ManagedChannel ch = channel(server);
      try {
        ImmuServiceBlockingStub carol = login(ch, "carol", "Secret12#");
        carol.set(
            SetRequest.newBuilder()
                .addKVs(KeyValue.newBuilder().setKey(s("k")).setValue(s("v2")))
                .build());
        assertThat(
                carol.get(KeyRequest.newBuilder().setKey(s("k")).build()).getValue().toStringUtf8())
            .isEqualTo("v2");
        // The client's next verified read from its old state: the proof links old and new.
        VerifiableEntry ve =
            carol.verifiableGet(
                VerifiableGetRequest.newBuilder()
                    .setKeyRequest(KeyRequest.newBuilder().setKey(s("k")))
                    .setProveSinceTx(trusted.txId())
                    .build());
        var proof = ProtoProofDecoder.dualProof(ve.getVerifiableTx().getDualProof());
        DualProofVerifier.verify(
            proof,
            trusted.txId(),
            proof.targetTxHeader().id(),
            trusted.txHash(),
            proof.targetTxHeader().alh());
        assertThat(ve.getEntry().getValue().toStringUtf8()).isEqualTo("v2");
      } finally {
        ch.shutdownNow();
      }
    }
  }

  @Test
  void withASigningKeyStatesAndVerifiedAnswersAreSigned() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair kp = g.generateKeyPair();
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
      w.writeObject(kp); // "EC PRIVATE KEY", as openssl ecparam -genkey -noout writes it
    }
    Path key = tmp.resolve("ec.key");
    Files.writeString(key, pem.toString());
    assertThat(pem.toString()).contains("BEGIN EC PRIVATE KEY");
    try (ImmudbServer server = ImmudbServer.start(config(key))) {
      ManagedChannel ch = channel(server);
      try {
        ImmuServiceBlockingStub c = login(ch, "immudb", "immudb");
        ImmutableState st = c.currentState(Empty.getDefaultInstance());
        assertThat(st.hasSignature()).isTrue();
        StateSignatures.verify(
            new ImmuState(st.getDb(), st.getTxId(), Sha256Digest.of(st.getTxHash().toByteArray())),
            st.getSignature().getSignature().toByteArray(),
            st.getSignature().getPublicKey().toByteArray());
        VerifiableTx vt =
            c.verifiableSet(
                VerifiableSetRequest.newBuilder()
                    .setSetRequest(
                        SetRequest.newBuilder()
                            .addKVs(KeyValue.newBuilder().setKey(s("a")).setValue(s("b"))))
                    .setProveSinceTx(st.getTxId())
                    .build());
        var target = ProtoProofDecoder.header(vt.getDualProof().getTargetTxMetadata());
        StateSignatures.verify(
            new ImmuState("defaultdb", target.id(), target.alh()),
            vt.getSignature().getSignature().toByteArray(),
            vt.getSignature().getPublicKey().toByteArray());
        assertThatThrownBy(
                () ->
                    StateSignatures.verify(
                        new ImmuState("otherdb", target.id(), target.alh()),
                        vt.getSignature().getSignature().toByteArray(),
                        vt.getSignature().getPublicKey().toByteArray()))
            .isInstanceOf(io.immudb.core.proof.VerificationException.class);
        // A proven SQL row is signed the same way (spec v1 §8.3).
        c.sQLExec(
            SQLExecRequest.newBuilder()
                .setSql(
                    "CREATE TABLE t (id INTEGER, PRIMARY KEY id); INSERT INTO t (id) VALUES (1)")
                .build());
        VerifiableSQLEntry row =
            c.verifiableSQLGet(
                VerifiableSQLGetRequest.newBuilder()
                    .setSqlGetRequest(
                        SQLGetRequest.newBuilder()
                            .setTable("t")
                            .addPkValues(SQLValue.newBuilder().setN(1)))
                    .setProveSinceTx(target.id())
                    .build());
        var rowTarget =
            ProtoProofDecoder.header(row.getVerifiableTx().getDualProof().getTargetTxMetadata());
        StateSignatures.verify(
            new ImmuState("defaultdb", rowTarget.id(), rowTarget.alh()),
            row.getVerifiableTx().getSignature().getSignature().toByteArray(),
            row.getVerifiableTx().getSignature().getPublicKey().toByteArray());
        // Unknown database: a clear NOT_FOUND, nothing changed.
        assertThatThrownBy(
                () -> c.useDatabase(Database.newBuilder().setDatabaseName("nope").build()))
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
      } finally {
        ch.shutdownNow();
      }
    }
  }
}
