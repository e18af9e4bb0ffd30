package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.immudb.core.ImmuException;
import io.immudb.proto.ErrorInfo;
import io.immudb.proto.HealthResponse;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.server.auth.AuthException;
import io.immudb.server.auth.UserException;
import io.immudb.server.auth.UserRules;
import io.immudb.server.db.DatabaseException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of the server's three refusal families reaches the client with the status written
 * here: the exception ends a real call through {@link StreamRpcs#fail} (the path every RPC takes)
 * over an in-process channel, and the test reads what the client stub sees. The expected codes are
 * this table's own, not read from the kinds, so a kind whose code changes fails here; a new kind
 * fails to compile until it has a row.
 */
class StatusMapperTest {
  /** What a client receives: the status code and its description (immudb's text). */
  private record Received(Code code, String text) {}

  private static Server server;
  private static ManagedChannel channel;
  private static volatile RuntimeException next;

  @BeforeAll
  static void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(
                new ImmuServiceGrpc.ImmuServiceImplBase() {
                  @Override
                  public void health(Empty request, StreamObserver<HealthResponse> out) {
                    StreamRpcs.fail(out, next);
                  }
                })
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  static Received auth(AuthException.Kind kind) {
    return switch (kind) {
      case NOT_LOGGED_IN -> new Received(Code.UNAUTHENTICATED, "not logged in");
      case TOKEN_EXPIRED -> new Received(Code.UNAUTHENTICATED, "token has expired");
      case PLEASE_LOGIN -> new Received(Code.UNAUTHENTICATED, "Please login");
      case NO_DATABASE_PERMISSION ->
          new Received(
              Code.PERMISSION_DENIED, "Logged in user does not have permission on this database");
      case PERMISSION_DENIED -> new Received(Code.PERMISSION_DENIED, "permission denied");
      case NOT_SYSADMIN ->
          new Received(
              Code.PERMISSION_DENIED,
              "Logged In user does not have permissions for this operation");
      case NO_DATABASE_SELECTED ->
          new Received(Code.FAILED_PRECONDITION, "please select a database first");
    };
  }

  static Received user(UserException.Kind kind) {
    return switch (kind) {
      case INVALID_CREDENTIALS ->
          new Received(Code.UNAUTHENTICATED, "invalid user name or password");
      case INACTIVE -> new Received(Code.FAILED_PRECONDITION, "user is not active");
      case EMPTY_USERNAME -> new Received(Code.INVALID_ARGUMENT, "username can not be empty");
      case EMPTY_DATABASE ->
          new Received(
              Code.INVALID_ARGUMENT,
              "database name can not be empty when there are multiple databases");
      case DATABASE_NOT_FOUND -> new Received(Code.NOT_FOUND, "database nodb does not exist");
      case UNRECOGNIZED_PERMISSION ->
          new Received(Code.INVALID_ARGUMENT, "unrecognized permission");
      case NO_PERMISSION_ON_DATABASE ->
          new Received(Code.PERMISSION_DENIED, "you do not have permission on this database");
      case SYSADMIN_NOT_ALLOWED ->
          new Received(Code.INVALID_ARGUMENT, "can not create another system admin");
      case ALREADY_EXISTS -> new Received(Code.ALREADY_EXISTS, "user already exists");
      case INVALID_USERNAME ->
          new Received(
              Code.INVALID_ARGUMENT, "username can only contain letters, digits and underscores");
      case WEAK_PASSWORD -> new Received(Code.INVALID_ARGUMENT, UserRules.PASSWORD_RULE_TEXT);
      case OLD_PASSWORD_INCORRECT ->
          new Received(Code.PERMISSION_DENIED, "old password is incorrect");
      case NOT_ADMIN ->
          new Received(
              Code.PERMISSION_DENIED, "user is not system admin nor admin in any of the databases");
      case NOT_FOUND_OR_NOT_CREATOR ->
          new Received(Code.NOT_FOUND, "user zed was not found or it was not created by you");
      case EMPTY_PASSWORD -> new Received(Code.INVALID_ARGUMENT, "password is empty");
      case INVALID_PERMISSION_CHANGE ->
          new Received(Code.INVALID_ARGUMENT, "changing your own permissions is not allowed");
      case PERMISSION_DENIED -> new Received(Code.PERMISSION_DENIED, "permission denied");
      case NOT_ADMIN_ON_DATABASE ->
          new Received(Code.PERMISSION_DENIED, "you do not have permission on this database");
      case USER_NOT_FOUND -> new Received(Code.NOT_FOUND, "user ghost not found");
      case USER_INACTIVE -> new Received(Code.FAILED_PRECONDITION, "user amy is not active");
      case NO_SUCH_USER -> new Received(Code.NOT_FOUND, "user ghost not found");
      case OWN_STATUS ->
          new Received(Code.INVALID_ARGUMENT, "changing your own status is not allowed");
      case NOT_CREATOR -> new Received(Code.PERMISSION_DENIED, "zed was not created by you");
    };
  }

  static Received database(DatabaseException.Kind kind) {
    return switch (kind) {
      case RESERVED_NAME -> new Received(Code.INVALID_ARGUMENT, "this database name is reserved");
      case NOT_LOWERCASE ->
          new Received(Code.INVALID_ARGUMENT, "provide a lowercase database name");
      case BAD_LENGTH ->
          new Received(Code.INVALID_ARGUMENT, "database name length outside of limits");
      case PUNCTUATION ->
          new Received(
              Code.INVALID_ARGUMENT,
              "punctuation marks and symbols are not allowed in database name");
      case UNRECOGNIZED_CHARACTER ->
          new Received(Code.INVALID_ARGUMENT, "unrecognized character in database name");
      case ALREADY_EXISTS -> new Received(Code.ALREADY_EXISTS, "database 'db1' already exists");
      case NOT_FOUND -> new Received(Code.NOT_FOUND, "'nope' does not exist");
    };
  }

  @ParameterizedTest
  @EnumSource(AuthException.Kind.class)
  void authRefusals(AuthException.Kind kind) {
    assertReceived(new AuthException(kind), auth(kind));
  }

  @ParameterizedTest
  @EnumSource(UserException.Kind.class)
  void userRefusals(UserException.Kind kind) {
    Received expected = user(kind);
    assertReceived(new UserException(kind, expected.text()), expected);
  }

  @ParameterizedTest
  @EnumSource(DatabaseException.Kind.class)
  void databaseRefusals(DatabaseException.Kind kind) {
    Received expected = database(kind);
    assertReceived(new DatabaseException(kind, "db1", expected.text()), expected);
  }

  /** Fails one call with {@code e}; the client must see {@code expected}, and a matching detail. */
  private static void assertReceived(ImmuException e, Received expected) {
    next = e;
    assertThatThrownBy(
            () -> ImmuServiceGrpc.newBlockingStub(channel).health(Empty.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            s -> {
              assertThat(s.getStatus().getCode()).isEqualTo(expected.code());
              assertThat(s.getStatus().getDescription()).isEqualTo(expected.text());
              // The ErrorInfo detail names the same code as the status.
              assertThat(errorInfo(s).getCode()).isEqualTo(expected.code().name());
            });
  }

  private static ErrorInfo errorInfo(StatusRuntimeException s) {
    com.google.rpc.Status rpc = StatusProto.fromThrowable(s);
    assertThat(rpc).isNotNull();
    try {
      for (Any detail : rpc.getDetailsList()) {
        if (detail.is(ErrorInfo.class)) {
          return detail.unpack(ErrorInfo.class);
        }
      }
    } catch (InvalidProtocolBufferException x) {
      throw new AssertionError(x);
    }
    throw new AssertionError("no ErrorInfo detail in " + rpc);
  }

  @org.junit.jupiter.api.Test
  void aFullDiskIsResourceExhaustedAndSaysSo() {
    io.grpc.StatusRuntimeException s =
        StatusMapper.toStatus(
            new io.immudb.embedded.StorageFullException(
                "tx 5", new java.io.IOException("No space left on device")));
    assertThat(s.getStatus().getCode()).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(s.getStatus().getDescription())
        .startsWith("no space left on device")
        .contains("tx 5")
        .contains("free space and retry");
  }
}
