package io.immudb.client;

import com.google.protobuf.Empty;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.immudb.client.internal.Session;
import io.immudb.client.internal.StatusDecoder;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceStub;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What every area of {@link ImmuClient} shares: the channel, the {@link Session} (token, current
 * database, server identity) whose interceptor sends the token with each call, the per-call
 * deadline and the builder's credentials. It runs calls, turning a failed status into the typed
 * exception, and keeps the session: logging in and switching databases replace the token, and a
 * call refused as unauthenticated logs in again with the credentials.
 *
 * <p>Thread-safe: the fields are final and the {@link Session} is.
 */
final class Connection implements AutoCloseable {
  private final ManagedChannel channel;
  private final Channel calls;
  private final Session session;
  private final Duration deadline;
  private final String address;
  private final String user;
  private final String password;

  Connection(ImmuClientBuilder b) {
    this.user = b.user;
    this.password = b.password;
    this.address = b.address + ":" + b.port;
    this.channel = b.channel();
    this.session = new Session(b.database);
    this.calls = ClientInterceptors.intercept(channel, session);
    this.deadline = b.deadline;
  }

  /** The channel that sends the session's token, without a deadline (for long streams). */
  Channel calls() {
    return calls;
  }

  Session session() {
    return session;
  }

  ImmuServiceBlockingStub stub() {
    return ImmuServiceGrpc.newBlockingStub(calls)
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  ImmuServiceStub asyncStub() {
    return ImmuServiceGrpc.newStub(calls)
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs one call, turning a failed status into the typed exception. With credentials configured, a
   * call refused as unauthenticated while a session was open logs in again and runs once more.
   */
  <T> T call(Function<ImmuServiceBlockingStub, T> rpc) {
    try {
      return rpc.apply(stub());
    } catch (StatusRuntimeException e) {
      ImmuClientException decoded = StatusDecoder.decode(e);
      if (!(decoded instanceof ImmuClientException.UnauthenticatedException)
          || user == null
          || session.token() == null) {
        throw decoded;
      }
    }
    login();
    return callOnce(rpc);
  }

  /** As {@link #call}, never logging in again. */
  <T> T callOnce(Function<ImmuServiceBlockingStub, T> rpc) {
    try {
      return rpc.apply(stub());
    } catch (StatusRuntimeException e) {
      throw StatusDecoder.decode(e);
    }
  }

  /** See {@link ImmuClient#serverUuid}. */
  String serverUuid() {
    String uuid = session.serverUuid();
    if (uuid == null) {
      call(s -> s.health(Empty.getDefaultInstance()));
      uuid = session.serverUuid();
    }
    return uuid != null ? uuid : address.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** See {@link ImmuClient#login(String, String)}. */
  String login(String user, String password) {
    String wanted = session.database();
    session.set(null, wanted);
    io.immudb.proto.LoginResponse r =
        callOnce(
            s ->
                s.login(
                    io.immudb.proto.LoginRequest.newBuilder()
                        .setUser(Requests.bytes(Requests.utf8(user)))
                        .setPassword(Requests.bytes(Requests.utf8(password)))
                        .build()));
    session.set(r.getToken(), "defaultdb");
    if (!"defaultdb".equals(wanted)) {
      switchTo(wanted, false);
    }
    return r.getWarning().toStringUtf8();
  }

  /** See {@link ImmuClient#login()}. */
  String login() {
    if (user == null) {
      throw new IllegalStateException("no credentials configured: use login(user, password)");
    }
    return login(user, password);
  }

  /** See {@link ImmuClient#logout}. */
  void logout() {
    call(s -> s.logout(Empty.getDefaultInstance()));
    session.set(null, session.database());
  }

  /** UseDatabase; {@code mayLogInAgain}: as {@link #call}, else as {@link #callOnce}. */
  void switchTo(String database, boolean mayLogInAgain) {
    Function<ImmuServiceBlockingStub, io.immudb.proto.UseDatabaseReply> rpc =
        s -> s.useDatabase(io.immudb.proto.Database.newBuilder().setDatabaseName(database).build());
    io.immudb.proto.UseDatabaseReply r = mayLogInAgain ? call(rpc) : callOnce(rpc);
    session.set(r.getToken(), database);
  }

  /** Closes the channel (does not log out). */
  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
