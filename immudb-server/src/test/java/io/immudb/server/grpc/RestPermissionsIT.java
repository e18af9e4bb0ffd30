package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.immudb.proto.CreateUserRequest;
import io.immudb.proto.Database;
import io.immudb.proto.HistoryRequest;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.KeyValue;
import io.immudb.proto.LoginRequest;
import io.immudb.proto.ScanRequest;
import io.immudb.proto.SetRequest;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.ZAddRequest;
import io.immudb.server.ImmudbServer;
import io.immudb.server.config.ServerConfig;
import io.immudb.server.grpc.RestClient.Answer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API enforces exactly what gRPC does: a matrix of methods × callers (no token, a bad
 * token, read, read-write and admin users of defaultdb, the sysadmin) is run over gRPC and over
 * HTTP, and every cell answers the same — success, or the same gRPC code (with grpc-gateway's HTTP
 * status) and message.
 */
class RestPermissionsIT {
  private static final String PASSWORD = "Secret12#x";

  @TempDir Path tmp;
  private ImmudbServer server;
  private ManagedChannel channel;
  private RestClient rest;

  /** One method: how to call it over gRPC, and its route; {@code request(suffix)} per transport. */
  private record Case(
      MethodDescriptor<Message, Message> grpc,
      String verb,
      Function<Message, String> path,
      Function<String, Message> request) {}

  @SuppressWarnings("unchecked")
  private static MethodDescriptor<Message, Message> m(MethodDescriptor<?, ?> d) {
    return (MethodDescriptor<Message, Message>) d;
  }

  private static ByteString s(String v) {
    return ByteString.copyFromUtf8(v);
  }

  @BeforeEach
  void start() throws Exception {
    server =
        ImmudbServer.start(
            ServerConfig.builder()
                .set("dir", tmp.resolve("data"))
                .set("address", "127.0.0.1")
                .set("port", 0)
                .set("synced", false)
                .set("consistency-check", false)
                .set("web-server", true)
                .set("web-server-port", 0)
                .build());
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    rest = new RestClient(server.webPort().getAsInt());
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.close();
  }

  private String grpcLogin(String user) {
    return ImmuServiceGrpc.newBlockingStub(channel)
        .login(
            LoginRequest.newBuilder()
                .setUser(s(user))
                .setPassword(s(user.equals("immudb") ? "immudb" : PASSWORD))
                .build())
        .getToken();
  }

  private Channel withToken(String token) {
    if (token == null) {
      return channel;
    }
    Metadata md = new Metadata();
    md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(md));
  }

  /** "OK", or the gRPC code and message. */
  private String overGrpc(Case c, Message req, String token) {
    try {
      ClientCalls.blockingUnaryCall(withToken(token), c.grpc(), CallOptions.DEFAULT, req);
      return "OK";
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() + " " + e.getStatus().getDescription();
    }
  }

  /** The same over HTTP, checking that the HTTP status is the one of the code. */
  private String overHttp(Case c, Message req, String token) throws Exception {
    String body = c.verb().equals("GET") ? null : JsonFormat.printer().print(req);
    Answer a = rest.call(c.verb(), "/api" + c.path().apply(req), body, token);
    if (a.status() == 200) {
      return "OK";
    }
    Status.Code code = Status.fromCodeValue(a.obj().get("code").getAsInt()).getCode();
    assertThat(a.status()).as("HTTP status of " + code).isEqualTo(expectedHttpStatus(code));
    return code + " " + a.str("message");
  }

  /** grpc-gateway's table, written out independently of the code under test. */
  static int expectedHttpStatus(Status.Code code) {
    return switch (code) {
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case RESOURCE_EXHAUSTED -> 429;
      case CANCELLED -> 499;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case DEADLINE_EXCEEDED -> 504;
      default -> 500;
    };
  }

  @Test
  void everyCellOfTheMatrixAnswersAsOverGrpc() throws Exception {
    var admin = ImmuServiceGrpc.newBlockingStub(withToken(grpcLogin("immudb")));
    for (var u :
        List.of(Map.entry("reader", 1), Map.entry("writer", 2), Map.entry("dbadmin", 254))) {
      admin.createUser(
          CreateUserRequest.newBuilder()
              .setUser(s(u.getKey()))
              .setPassword(s(PASSWORD))
              .setPermission(u.getValue())
              .setDatabase("defaultdb")
              .build());
    }
    admin.set(
        SetRequest.newBuilder()
            .addKVs(KeyValue.newBuilder().setKey(s("seed")).setValue(s("v")))
            .build());

    Map<String, String> callers = new LinkedHashMap<>();
    callers.put("none", null);
    callers.put("badtoken", "not-a-token");
    callers.put("read", grpcLogin("reader"));
    callers.put("readwrite", grpcLogin("writer"));
    callers.put("admin", grpcLogin("dbadmin"));
    callers.put("sysadmin", grpcLogin("immudb"));

    String seed = RestClient.b64url("seed");
    Map<String, Case> cases = new LinkedHashMap<>();
    cases.put(
        "Set",
        new Case(
            m(ImmuServiceGrpc.getSetMethod()),
            "POST",
            r -> "/db/set",
            sfx ->
                SetRequest.newBuilder()
                    .addKVs(KeyValue.newBuilder().setKey(s("k-" + sfx)).setValue(s("v")))
                    .build()));
    cases.put(
        "Get",
        new Case(
            m(ImmuServiceGrpc.getGetMethod()),
            "GET",
            r -> "/db/get/" + seed,
            sfx -> KeyRequest.newBuilder().setKey(s("seed")).build()));
    cases.put(
        "VerifiableGet",
        new Case(
            m(ImmuServiceGrpc.getVerifiableGetMethod()),
            "POST",
            r -> "/db/verifiable/get",
            sfx ->
                VerifiableGetRequest.newBuilder()
                    .setKeyRequest(KeyRequest.newBuilder().setKey(s("seed")))
                    .build()));
    cases.put(
        "CurrentState",
        new Case(
            m(ImmuServiceGrpc.getCurrentStateMethod()),
            "GET",
            r -> "/db/state",
            sfx -> Empty.getDefaultInstance()));
    cases.put(
        "Scan",
        new Case(
            m(ImmuServiceGrpc.getScanMethod()),
            "POST",
            r -> "/db/scan",
            sfx -> ScanRequest.newBuilder().setPrefix(s("seed")).build()));
    cases.put(
        "History",
        new Case(
            m(ImmuServiceGrpc.getHistoryMethod()),
            "POST",
            r -> "/db/history",
            sfx -> HistoryRequest.newBuilder().setKey(s("seed")).build()));
    cases.put(
        "ZAdd",
        new Case(
            m(ImmuServiceGrpc.getZAddMethod()),
            "POST",
            r -> "/db/zadd",
            sfx -> ZAddRequest.newBuilder().setSet(s("z")).setKey(s("seed")).setScore(1).build()));
    cases.put(
        "CompactIndex",
        new Case(
            m(ImmuServiceGrpc.getCompactIndexMethod()),
            "GET",
            r -> "/db/compactindex",
            sfx -> Empty.getDefaultInstance()));
    cases.put(
        "ListUsers",
        new Case(
            m(ImmuServiceGrpc.getListUsersMethod()),
            "GET",
            r -> "/user/list",
            sfx -> Empty.getDefaultInstance()));
    cases.put(
        "DatabaseList",
        new Case(
            m(ImmuServiceGrpc.getDatabaseListMethod()),
            "POST",
            r -> "/db/list",
            sfx -> Empty.getDefaultInstance()));
    cases.put(
        "UseDatabase",
        new Case(
            m(ImmuServiceGrpc.getUseDatabaseMethod()),
            "GET",
            r -> "/db/use/" + ((Database) r).getDatabaseName(),
            sfx -> Database.newBuilder().setDatabaseName("defaultdb").build()));
    cases.put(
        "CreateDatabase", // last: the first success turns multi-database mode on
        new Case(
            m(ImmuServiceGrpc.getCreateDatabaseMethod()),
            "POST",
            r -> "/db/create",
            sfx -> Database.newBuilder().setDatabaseName("db" + sfx).build()));

    List<String> differences = new ArrayList<>();
    int cells = 0;
    int allowed = 0;
    for (var c : cases.entrySet()) {
      int i = 0;
      for (var caller : callers.entrySet()) {
        i++;
        // Distinct requests where a success changes state (keys, database names).
        String viaGrpc =
            overGrpc(c.getValue(), c.getValue().request().apply("g" + i), caller.getValue());
        String viaHttp =
            overHttp(c.getValue(), c.getValue().request().apply("h" + i), caller.getValue());
        cells++;
        if (viaGrpc.equals("OK")) {
          allowed++;
        }
        if (!viaGrpc.equals(viaHttp)) {
          differences.add(
              c.getKey() + " × " + caller.getKey() + ": gRPC " + viaGrpc + ", HTTP " + viaHttp);
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(cells).isEqualTo(12 * 6);
    // The matrix is not trivially all-refused or all-allowed.
    assertThat(allowed).isBetween(20, 50);
  }
}
