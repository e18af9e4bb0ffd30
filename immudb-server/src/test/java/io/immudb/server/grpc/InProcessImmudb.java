package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.LoginRequest;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.auth.PasswordHasher;
import io.immudb.server.auth.UserStore;
import io.immudb.server.db.DatabaseRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The immudb service over an in-process channel, with auth on and the sysadmin {@code immudb} /
 * {@code immudb}: what the service tests call. Not thread-safe to set up; the stubs are.
 */
final class InProcessImmudb implements AutoCloseable {
  private final DatabaseRegistry registry;
  private final Server server;
  private final ManagedChannel channel;

  private InProcessImmudb(DatabaseRegistry registry, Server server, ManagedChannel channel) {
    this.registry = registry;
    this.server = server;
    this.channel = channel;
  }

  static InProcessImmudb start(Path dir, boolean maintenance) throws Exception {
    DatabaseRegistry registry = DatabaseRegistry.open(dir, false);
    UserStore users = new UserStore(registry, new PasswordHasher(4), Clock.systemUTC());
    users.ensureSysadmin("immudb");
    LoginSessions tokens =
        new LoginSessions(users, registry, Duration.ofHours(1), Clock.systemUTC());
    String name = InProcessServerBuilder.generateName();
    Server server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(
                ServerInterceptors.intercept(
                    ImmuServices.service(registry, users, tokens, true, maintenance),
                    ImmuServices.interceptor("testserveruuid000000")))
            .build()
            .start();
    return new InProcessImmudb(
        registry, server, InProcessChannelBuilder.forName(name).directExecutor().build());
  }

  /** A stub without a token. */
  ImmuServiceBlockingStub anonymous() {
    return ImmuServiceGrpc.newBlockingStub(channel);
  }

  /** A stub carrying the token of {@code user}'s login. */
  ImmuServiceBlockingStub login(String user, String password) {
    String token =
        anonymous()
            .login(
                LoginRequest.newBuilder()
                    .setUser(ByteString.copyFromUtf8(user))
                    .setPassword(ByteString.copyFromUtf8(password))
                    .build())
            .getToken();
    return withToken(token);
  }

  /** A stub carrying {@code token}. */
  ImmuServiceBlockingStub withToken(String token) {
    Metadata md = new Metadata();
    md.put(CallAuth.AUTHORIZATION, token);
    return anonymous().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
  }

  /** An asynchronous stub carrying the token of {@code user}'s login. */
  ImmuServiceGrpc.ImmuServiceStub loginAsync(String user, String password) {
    String token =
        anonymous()
            .login(
                LoginRequest.newBuilder()
                    .setUser(ByteString.copyFromUtf8(user))
                    .setPassword(ByteString.copyFromUtf8(password))
                    .build())
            .getToken();
    Metadata md = new Metadata();
    md.put(CallAuth.AUTHORIZATION, token);
    return ImmuServiceGrpc.newStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
  }

  /** The registry behind the service. */
  DatabaseRegistry registry() {
    return registry;
  }

  /** Asserts that {@code call} fails with exactly {@code code} and {@code text}. */
  static void fails(ThrowingCallable call, Status.Code code, String text) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).as(text).isEqualTo(code);
              assertThat(e.getStatus().getDescription()).isEqualTo(text);
            });
  }

  @Override
  public void close() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    registry.close();
  }
}
