package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.Status;
import io.immudb.proto.CreateUserRequest;
import io.immudb.proto.Database;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.KeyPrefix;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.KeyValue;
import io.immudb.proto.LoginRequest;
import io.immudb.proto.SQLQueryRequest;
import io.immudb.proto.ScanRequest;
import io.immudb.proto.SetRequest;
import io.immudb.proto.TxMetadata;
import io.immudb.proto.TxRequest;
import io.immudb.proto.UseSnapshotRequest;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.VerifiableSetRequest;
import io.immudb.proto.VerifiableTx;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad requests get a meaningful code and immudb's message text (spec v1 §9.5), and change nothing;
 * over an in-process server with auth on.
 */
class ImmuServiceErrorsTest {
  @TempDir Path tmp;
  private InProcessImmudb immudb;

  private ImmuServiceBlockingStub start(boolean maintenance) throws Exception {
    immudb = InProcessImmudb.start(tmp, maintenance);
    return immudb.login("immudb", "immudb");
  }

  @AfterEach
  void stop() throws Exception {
    immudb.close();
  }

  private static void fails(ThrowingCallable call, Status.Code code, String text) {
    InProcessImmudb.fails(call, code, text);
  }

  private static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder()
        .setKey(ByteString.copyFromUtf8(k))
        .setValue(ByteString.copyFromUtf8(v))
        .build();
  }

  @Test
  void badRequestsGetCodesAndImmudbTextsAndChangeNothing() throws Exception {
    ImmuServiceBlockingStub c = start(false);
    long before = c.currentState(Empty.getDefaultInstance()).getTxId();
    fails(
        () -> c.set(SetRequest.newBuilder().addKVs(kv("", "v")).build()),
        Status.Code.INVALID_ARGUMENT,
        "illegal arguments");
    fails(
        () -> c.set(SetRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "no entries provided");
    fails(
        () -> c.set(SetRequest.newBuilder().addKVs(kv("a", "1")).addKVs(kv("a", "2")).build()),
        Status.Code.INVALID_ARGUMENT,
        "duplicated key");
    SetRequest.Builder big = SetRequest.newBuilder();
    for (int i = 0; i < 1025; i++) {
      big.addKVs(kv("k" + i, "v"));
    }
    fails(
        () -> c.set(big.build()),
        Status.Code.INVALID_ARGUMENT,
        "max number of entries per tx exceeded");
    fails(
        () -> c.set(SetRequest.newBuilder().addKVs(kv("x".repeat(1024), "v")).build()),
        Status.Code.INVALID_ARGUMENT,
        "max key length exceeded");
    assertThat(c.currentState(Empty.getDefaultInstance()).getTxId()).isEqualTo(before);

    fails(
        () -> c.get(KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("missing")).build()),
        Status.Code.NOT_FOUND,
        "key not found");
    fails(
        () -> c.txById(TxRequest.newBuilder().setTx(99).build()),
        Status.Code.NOT_FOUND,
        "tx not found");
    fails(
        () -> c.txById(TxRequest.newBuilder().setTx(0).build()),
        Status.Code.INVALID_ARGUMENT,
        "illegal arguments");
    fails(
        () -> c.scan(ScanRequest.newBuilder().setLimit(1001).build()),
        Status.Code.INVALID_ARGUMENT,
        "max key scan limit exceeded");
    c.set(SetRequest.newBuilder().addKVs(kv("k", "v")).build());
    fails(
        () ->
            c.verifiableGet(
                VerifiableGetRequest.newBuilder()
                    .setKeyRequest(KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("k")))
                    .setProveSinceTx(999)
                    .build()),
        Status.Code.INVALID_ARGUMENT,
        "illegal state");
    fails(
        () -> c.count(KeyPrefix.getDefaultInstance()),
        Status.Code.INTERNAL,
        "operation not supported");
    fails(
        () -> c.sQLQuery(SQLQueryRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT,
        "a query must be exactly one SELECT statement");
    fails(
        () -> c.useSnapshot(UseSnapshotRequest.newBuilder().setSinceTx(1_000_000).build()),
        Status.Code.NOT_FOUND,
        "tx not found");
  }

  @Test
  void writesLargerThanTheInlineLimitRunOnTheExecutorWithTheCallersToken() throws Exception {
    ImmuServiceBlockingStub c = start(false);
    String large = "x".repeat(ImmuServiceImpl.INLINE_REQUEST_BYTES + 1);
    TxMetadata tx = c.set(SetRequest.newBuilder().addKVs(kv("big", large)).build());
    assertThat(
            c.get(KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("big")).build())
                .getValue()
                .toStringUtf8())
        .isEqualTo(large);
    VerifiableTx vt =
        c.verifiableSet(
            VerifiableSetRequest.newBuilder()
                .setSetRequest(SetRequest.newBuilder().addKVs(kv("big2", large)))
                .setProveSinceTx(tx.getId())
                .build());
    assertThat(vt.getTx().getMetadata().getId()).isEqualTo(tx.getId() + 1);
    fails(
        () -> c.set(SetRequest.newBuilder().addKVs(kv("a", large)).addKVs(kv("", "v")).build()),
        Status.Code.INVALID_ARGUMENT,
        "illegal arguments");
    assertThat(c.currentState(Empty.getDefaultInstance()).getTxId()).isEqualTo(tx.getId() + 1);
  }

  @Test
  void callsWithoutATokenAreUnauthenticated() throws Exception {
    start(false);
    ImmuServiceBlockingStub anon = immudb.anonymous();
    fails(
        () -> anon.get(KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("k")).build()),
        Status.Code.UNAUTHENTICATED,
        "not logged in");
    assertThat(anon.health(Empty.getDefaultInstance()).getStatus()).isTrue();
  }

  @Test
  void authRefusalsGetTheirCodesAndImmudbTexts() throws Exception {
    ImmuServiceBlockingStub admin = start(false);
    String strong = "Str0ng!pass";
    admin.createUser(
        CreateUserRequest.newBuilder()
            .setUser(ByteString.copyFromUtf8("reader"))
            .setPassword(ByteString.copyFromUtf8(strong))
            .setPermission(1)
            .setDatabase("defaultdb")
            .build());
    fails(
        () ->
            immudb
                .anonymous()
                .login(
                    LoginRequest.newBuilder()
                        .setUser(ByteString.copyFromUtf8("reader"))
                        .setPassword(ByteString.copyFromUtf8("wrong"))
                        .build()),
        Status.Code.UNAUTHENTICATED,
        "invalid user name or password");
    ImmuServiceBlockingStub reader = immudb.login("reader", strong);
    fails(
        () -> reader.set(SetRequest.newBuilder().addKVs(kv("k", "v")).build()),
        Status.Code.PERMISSION_DENIED,
        "permission denied");
    Database systemdb = Database.newBuilder().setDatabaseName("systemdb").build();
    fails(
        () -> reader.useDatabase(systemdb),
        Status.Code.PERMISSION_DENIED,
        "Logged in user does not have permission on this database");
    fails(
        () -> immudb.withToken("nope").useDatabase(systemdb),
        Status.Code.UNAUTHENTICATED,
        "Please login");
    ImmuServiceBlockingStub onSystemdb = immudb.withToken(admin.useDatabase(systemdb).getToken());
    fails(
        () -> onSystemdb.get(KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("k")).build()),
        Status.Code.PERMISSION_DENIED,
        "permission denied");
    reader.logout(Empty.getDefaultInstance());
    fails(
        () -> reader.get(KeyRequest.newBuilder().setKey(ByteString.copyFromUtf8("k")).build()),
        Status.Code.UNAUTHENTICATED,
        "not logged in");
  }

  @Test
  void maintenanceModeRefusesWrites() throws Exception {
    ImmuServiceBlockingStub c = start(true);
    fails(
        () -> c.set(SetRequest.newBuilder().addKVs(kv("k", "v")).build()),
        Status.Code.INVALID_ARGUMENT,
        "operation not allowed in maintenance mode");
    assertThat(c.currentState(Empty.getDefaultInstance()).getTxId()).isEqualTo(1);
  }
}
