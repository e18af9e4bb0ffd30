package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.immudb.legacy.LegacyLedgers;
import io.immudb.legacy.LegacyServices;
import io.immudb.proto.CreateUserRequest;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.KeyValue;
import io.immudb.proto.LoginRequest;
import io.immudb.proto.SetActiveUserRequest;
import io.immudb.proto.SetRequest;
import io.immudb.proto.ZAddRequest;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.auth.PasswordHasher;
import io.immudb.server.auth.UserStore;
import io.immudb.server.db.DatabaseRegistry;
import io.immudb.server.legacy.ServerLegacyHost;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The servers of the permission matrix: the v1.1 service and the v0.8 service in process, over the
 * same databases, users and sessions, with a clock the test moves (for expired tokens). Users:
 * {@code reader} (read), {@code writer} (read-write), {@code adm} and {@code inactive} (admin) on
 * {@code defaultdb}; {@code other} (admin of {@code otherdb} only); {@code victim} (read), the
 * target of the user RPCs. {@code defaultdb} holds key {@code k} and member {@code k} of set {@code
 * s}. Not thread-safe.
 */
final class MatrixFixture implements AutoCloseable {
  static final String PW = "Passw0rd!";
  static final Duration EXPIRY = Duration.ofHours(1);

  private final DatabaseRegistry registry;
  private final io.grpc.ServerServiceDefinition v1Service;
  private final LegacyLedgers ledgers;
  private final Server v1;
  private final Server v08;
  private final ManagedChannel v1Channel;
  private final ManagedChannel v08Channel;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  MatrixFixture(Path dir) throws Exception {
    this(dir, io.immudb.embedded.store.StoreOptions.builder().synced(false).build());
  }

  /** As {@link #MatrixFixture(Path)}, the databases opened with {@code options}. */
  MatrixFixture(Path dir, io.immudb.embedded.store.StoreOptions options) throws Exception {
    registry = DatabaseRegistry.open(dir, options);
    UserStore users = new UserStore(registry, new PasswordHasher(4), Clock.systemUTC());
    users.ensureSysadmin("immudb");
    LoginSessions tokens = new LoginSessions(users, registry, EXPIRY, clock);
    String name = InProcessServerBuilder.generateName();
    v1Service =
        ServerInterceptors.intercept(
            ImmuServices.service(registry, users, tokens, true, false),
            ImmuServices.interceptor("testserveruuid000000"));
    v1 =
        InProcessServerBuilder.forName(name).directExecutor().addService(v1Service).build().start();
    v1Channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    ServerLegacyHost host =
        new ServerLegacyHost(registry, users, tokens, true, false, Optional.empty());
    ledgers = new LegacyLedgers(host, Duration.ZERO);
    String legacyName = InProcessServerBuilder.generateName();
    v08 =
        InProcessServerBuilder.forName(legacyName)
            .directExecutor()
            .addService(LegacyServices.service(host, ledgers, "matrix"))
            .build()
            .start();
    v08Channel = InProcessChannelBuilder.forName(legacyName).directExecutor().build();

    ImmuServiceGrpc.ImmuServiceBlockingStub sys = sysadmin();
    sys.createDatabase(io.immudb.proto.Database.newBuilder().setDatabaseName("otherdb").build());
    createUser(sys, "reader", 1, "defaultdb");
    createUser(sys, "writer", 2, "defaultdb");
    createUser(sys, "adm", 254, "defaultdb");
    createUser(sys, "inactive", 254, "defaultdb");
    createUser(sys, "other", 254, "otherdb");
    createUser(sys, "victim", 1, "defaultdb");
    sys.set(
        SetRequest.newBuilder()
            .addKVs(KeyValue.newBuilder().setKey(b("k")).setValue(b("v")))
            .build());
    sys.zAdd(ZAddRequest.newBuilder().setSet(b("s")).setKey(b("k")).setScore(1).build());
    // A SQL table with one row, for the SQL RPCs' cells.
    sys.sQLExec(
        io.immudb.proto.SQLExecRequest.newBuilder()
            .setSql(
                "CREATE TABLE matrix (id INTEGER, PRIMARY KEY id); UPSERT INTO matrix (id) VALUES (1)")
            .build());
  }

  /** The v1.1 service as served (with its interceptors), e.g. for the REST API in front of it. */
  io.grpc.ServerServiceDefinition v1Service() {
    return v1Service;
  }

  /** The databases behind both services. */
  DatabaseRegistry registry() {
    return registry;
  }

  Channel v1Channel() {
    return v1Channel;
  }

  Channel v08Channel() {
    return v08Channel;
  }

  /** A token of {@code user}'s fresh login. */
  String login(String user, String password) {
    return ImmuServiceGrpc.newBlockingStub(v1Channel)
        .login(LoginRequest.newBuilder().setUser(b(user)).setPassword(b(password)).build())
        .getToken();
  }

  /** A v1.1 stub of a fresh sysadmin login. */
  ImmuServiceGrpc.ImmuServiceBlockingStub sysadmin() {
    return stub(login("immudb", "immudb"));
  }

  ImmuServiceGrpc.ImmuServiceBlockingStub stub(String token) {
    return ImmuServiceGrpc.newBlockingStub(authed(v1Channel, token));
  }

  /**
   * A fresh token of {@code who}, or null for {@link MatrixCaller#NO_TOKEN}. Each call logs in
   * anew, so what a cell does to its token (a logout, a deactivation) stays in that cell.
   */
  String token(MatrixCaller who) {
    return switch (who) {
      case NO_TOKEN -> null;
      case EXPIRED -> {
        String t = login("immudb", "immudb");
        clock.advance(EXPIRY.plusMinutes(1));
        yield t;
      }
      case LOGGED_OUT -> {
        String t = login("immudb", "immudb");
        stub(t).logout(Empty.getDefaultInstance());
        yield t;
      }
      case DEACTIVATED -> {
        setActive("inactive", true);
        String t = login("inactive", PW);
        setActive("inactive", false);
        yield t;
      }
      case OTHER_DATABASE -> login("other", PW);
      case READ -> login("reader", PW);
      case READ_WRITE -> login("writer", PW);
      case ADMIN -> login("adm", PW);
      case SYSADMIN -> login("immudb", "immudb");
    };
  }

  /** {@code ch} sending {@code token} (none if null) in the {@code authorization} header. */
  static Channel authed(Channel ch, String token) {
    if (token == null) {
      return ch;
    }
    Metadata md = new Metadata();
    md.put(CallAuth.AUTHORIZATION, token);
    return ClientInterceptors.intercept(ch, MetadataUtils.newAttachHeadersInterceptor(md));
  }

  /**
   * Calls {@code method} with {@code requests} (one for unary and server-streaming calls; the
   * stream, then a half-close, for client streams), draining any answer stream, and returns how it
   * ended.
   */
  @SuppressWarnings("unchecked")
  static MatrixAnswer call(Channel ch, MethodDescriptor<?, ?> method, List<Message> requests)
      throws Exception {
    MethodDescriptor<Message, Message> m = (MethodDescriptor<Message, Message>) method;
    CallOptions opts = CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS);
    try {
      switch (m.getType()) {
        case UNARY -> ClientCalls.blockingUnaryCall(ch, m, opts, requests.get(0));
        case SERVER_STREAMING -> {
          Iterator<Message> it =
              ClientCalls.blockingServerStreamingCall(ch, m, opts, requests.get(0));
          while (it.hasNext()) {
            it.next();
          }
        }
        case CLIENT_STREAMING, BIDI_STREAMING -> {
          CompletableFuture<Void> done = new CompletableFuture<>();
          StreamObserver<Message> answers =
              new StreamObserver<>() {
                @Override
                public void onNext(Message value) {}

                @Override
                public void onError(Throwable t) {
                  done.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {
                  done.complete(null);
                }
              };
          StreamObserver<Message> out =
              m.getType() == MethodDescriptor.MethodType.CLIENT_STREAMING
                  ? ClientCalls.asyncClientStreamingCall(ch.newCall(m, opts), answers)
                  : ClientCalls.asyncBidiStreamingCall(ch.newCall(m, opts), answers);
          requests.forEach(out::onNext);
          out.onCompleted();
          try {
            done.get(20, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
              throw s;
            }
            throw e;
          }
        }
        default -> throw new AssertionError(m.getType());
      }
      return MatrixAnswer.OK;
    } catch (StatusRuntimeException e) {
      Status s = e.getStatus();
      return new MatrixAnswer(s.getCode(), s.getDescription());
    }
  }

  private void setActive(String user, boolean active) {
    sysadmin()
        .setActiveUser(
            SetActiveUserRequest.newBuilder().setUsername(user).setActive(active).build());
  }

  private static void createUser(
      ImmuServiceGrpc.ImmuServiceBlockingStub sys, String user, int permission, String db) {
    sys.createUser(
        CreateUserRequest.newBuilder()
            .setUser(b(user))
            .setPassword(b(PW))
            .setPermission(permission)
            .setDatabase(db)
            .build());
  }

  static ByteString b(String s) {
    return ByteString.copyFromUtf8(s);
  }

  @Override
  public void close() throws Exception {
    v1Channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    v08Channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    v1.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    v08.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    ledgers.close();
    registry.close();
  }

  /** A clock the test moves by hand. Not thread-safe. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
