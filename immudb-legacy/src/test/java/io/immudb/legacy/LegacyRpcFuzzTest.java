package io.immudb.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.legacy.LegacyRpcFuzzInput.Caller;
import io.immudb.legacy.internal.LegacyService;
import io.immudb.legacy.proto.ImmuServiceGrpc;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every RPC of the v0.8 service ({@link LegacyServices}) fed arbitrary requests (issue 16, part 1),
 * in process, with authentication on, over a small live database ({@link FuzzLegacyHost}: {@code
 * defaultdb} holding keys {@code k}, {@code k2} and member {@code k} of set {@code s}; an empty
 * {@code otherdb}). The input picks a method of the generated service descriptor, a caller (the
 * sysadmin, a read-write user, a read-only user, no token, or the sysadmin on {@code otherdb}) and
 * carries the request's protobuf bytes ({@link LegacyRpcFuzzInput}).
 *
 * <p>Property: every call ends in OK or a typed refusal — never INTERNAL (our bug), never UNKNOWN
 * unless it carries one of v0.8's plain-error texts (spec v0.8 §4.2.3, §4.4; an exception that
 * escapes the service is UNKNOWN without one), never DATA_LOSS, never a hang (the client's
 * deadline), and a refused call changes no database (tx id and Alh of each, the database list).
 *
 * <p>In {@code mvn test} the seed corpus ({@code LegacyRpcFuzzTestInputs/rpc/}: a genuine request
 * of every method, {@link LegacySeedRequests}) and pinned findings are replayed. Longer runs by
 * hand with {@code JAZZER_FUZZ=1}: docs/design/fuzzing.md.
 */
class LegacyRpcFuzzTest {
  /** Databases a fuzz run may create, so that a long run does not open hundreds of stores. */
  private static final int MAX_DATABASES = 8;

  private static final Path SEEDS =
      Path.of("src/test/resources/io/immudb/legacy/LegacyRpcFuzzTestInputs/rpc");

  /** {@code CreateDatabase} of a name that is taken: v0.8's plain error. */
  private static final Pattern EXISTS =
      Pattern.compile("database .* already exists", Pattern.DOTALL);

  /** The methods of the service, in a stable order (by name): the input's first byte picks one. */
  static final List<MethodDescriptor<?, ?>> METHODS = methods();

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static Fixture fx;

  private static List<MethodDescriptor<?, ?>> methods() {
    List<MethodDescriptor<?, ?>> out =
        new ArrayList<>(ImmuServiceGrpc.getServiceDescriptor().getMethods());
    out.sort(Comparator.comparing(MethodDescriptor::getBareMethodName));
    return List.copyOf(out);
  }

  /** The in-process server over {@link FuzzLegacyHost}, and a live token of each user. */
  private static final class Fixture implements AutoCloseable {
    final FuzzLegacyHost host;
    final LegacyLedgers ledgers;
    final Server server;
    final ManagedChannel channel;
    final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    Fixture(Path dir) throws Exception {
      host = new FuzzLegacyHost(dir, StoreOptions.builder().synced(false).build());
      ledgers = new LegacyLedgers(host, Duration.ZERO);
      String name = InProcessServerBuilder.generateName();
      server =
          InProcessServerBuilder.forName(name)
              .directExecutor()
              .addService(LegacyServices.service(host, ledgers, "fuzz"))
              .build()
              .start();
      channel = InProcessChannelBuilder.forName(name).directExecutor().build();
      relogin();
      // The live data: two keys and a sorted-set member, written through the v0.8 API.
      Channel sys = authed(channel, tokens.get(Caller.SYSADMIN));
      ImmuServiceGrpc.ImmuServiceBlockingStub stub = ImmuServiceGrpc.newBlockingStub(sys);
      stub.set(LegacySeedRequests.kv("k", "v"));
      stub.set(LegacySeedRequests.kv("k2", "v2"));
      stub.zAdd(LegacySeedRequests.zadd("s", 1, "k"));
    }

    void relogin() {
      tokens.put(Caller.SYSADMIN, host.login("immudb", "immudb").token());
      tokens.put(Caller.WRITER, host.login("writer", FuzzLegacyHost.PASSWORD).token());
      tokens.put(Caller.READER, host.login("reader", FuzzLegacyHost.PASSWORD).token());
      tokens.put(
          Caller.SYSADMIN_ON_OTHERDB, host.useDatabase(tokens.get(Caller.SYSADMIN), "otherdb"));
    }

    Channel as(Caller who) {
      return who == Caller.NO_TOKEN ? channel : authed(channel, tokens.get(who));
    }

    /** Each database's tx id and Alh, by name (so also the database list). */
    Map<String, String> states() {
      Map<String, String> out = new TreeMap<>();
      for (Map.Entry<String, Database> e : host.byName().entrySet()) {
        var s = e.getValue().currentState();
        out.put(e.getKey(), s.txId() + ":" + s.txHash());
      }
      return out;
    }

    @Override
    public void close() throws Exception {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      ledgers.close();
      host.close();
    }
  }

  private static synchronized Fixture fixture() throws Exception {
    if (fx == null) {
      Path dir = Files.createTempDirectory("legacyrpcfuzz");
      dir.toFile().deleteOnExit();
      fx = new Fixture(dir);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      fx.close();
                    } catch (Exception ignored) {
                      // the JVM is going away
                    }
                  }));
    }
    return fx;
  }

  static Channel authed(Channel ch, String token) {
    Metadata md = new Metadata();
    md.put(AUTHORIZATION, token);
    return ClientInterceptors.intercept(ch, MetadataUtils.newAttachHeadersInterceptor(md));
  }

  @FuzzTest(maxDuration = "3s")
  void rpc(byte[] data) throws Exception {
    LegacyRpcFuzzInput in = LegacyRpcFuzzInput.decode(data, METHODS.size());
    if (in == null) {
      return;
    }
    MethodDescriptor<?, ?> m = METHODS.get(in.method());
    Message request = in.parse(m);
    if (request == null) {
      return;
    }
    Fixture f = fixture();
    String name = m.getBareMethodName();
    if (name.equals("CreateDatabase") && f.host.byName().size() >= MAX_DATABASES) {
      return;
    }
    Map<String, String> before = f.states();
    Status s = call(f.as(in.caller()), m, request);
    Status.Code code = s.getCode();
    String text = s.getDescription();

    assertThat(code).as("%s hung: %s", name, s).isNotEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(code).as("%s: %s", name, s).isNotIn(Status.Code.INTERNAL, Status.Code.DATA_LOSS);
    if (code == Status.Code.UNKNOWN) {
      assertThat(text != null && isPlainError(text))
          .as("%s answered UNKNOWN without a v0.8 text: %s", name, s)
          .isTrue();
    }
    if (code != Status.Code.OK) {
      assertThat(f.states()).as("%s refused with %s, yet", name, s).isEqualTo(before);
    }
    // Logout ends every token of its caller: start the next input with live tokens.
    if (name.equals("Logout")) {
      f.relogin();
    }
  }

  private static boolean isPlainError(String text) {
    return FuzzLegacyHost.UNKNOWN_TEXTS.contains(text) || EXISTS.matcher(text).matches();
  }

  /** Calls {@code method} once, draining an answer stream, and returns how it ended. */
  @SuppressWarnings("unchecked")
  static Status call(Channel ch, MethodDescriptor<?, ?> method, Message request) {
    MethodDescriptor<Message, Message> m = (MethodDescriptor<Message, Message>) method;
    CallOptions opts = CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS);
    try {
      switch (m.getType()) {
        case UNARY -> ClientCalls.blockingUnaryCall(ch, m, opts, request);
        case SERVER_STREAMING -> {
          Iterator<Message> it = ClientCalls.blockingServerStreamingCall(ch, m, opts, request);
          while (it.hasNext()) {
            it.next();
          }
        }
        default -> throw new AssertionError(name(m) + ": the v0.8 API has no client streams");
      }
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  private static String name(MethodDescriptor<?, ?> m) {
    return m.getBareMethodName();
  }

  /** The RPCs the service serves; the generated base class answers the others UNIMPLEMENTED. */
  private static Set<String> served() {
    Set<String> out = new HashSet<>();
    for (Method j : LegacyService.class.getDeclaredMethods()) {
      if (Modifier.isPublic(j.getModifiers())) {
        out.add(Character.toUpperCase(j.getName().charAt(0)) + j.getName().substring(1));
      }
    }
    return out;
  }

  /**
   * The seed corpus holds one input per method, the sysadmin calling it with a genuine request
   * ({@link LegacySeedRequests}). Each seed must parse as its method's request, and, replayed in
   * order against a fresh fixture, be answered OK by the RPCs the service serves (UNIMPLEMENTED by
   * the others). Run with {@code -Dimmudb.writeSeeds=true} to write the seeds again.
   */
  @Test
  void seedCorpusHasAGenuineRequestOfEveryMethod() throws Exception {
    boolean write = Boolean.getBoolean("immudb.writeSeeds");
    if (write) {
      Files.createDirectories(SEEDS);
    }
    Set<String> served = served();
    Path dir = Files.createTempDirectory("legacyseeds");
    try (Fixture f = new Fixture(dir)) {
      for (int i = 0; i < METHODS.size(); i++) {
        MethodDescriptor<?, ?> m = METHODS.get(i);
        Path seed = SEEDS.resolve("seed-" + name(m));
        if (write) {
          Files.write(
              seed, LegacyRpcFuzzInput.encode(i, Caller.SYSADMIN, LegacySeedRequests.of(name(m))));
        }
        assertThat(seed).as("seed of %s", name(m)).exists();
        LegacyRpcFuzzInput in = LegacyRpcFuzzInput.decode(Files.readAllBytes(seed), METHODS.size());
        assertThat(in).isNotNull();
        assertThat(in.method()).isEqualTo(i);
        Message req = in.parse(m);
        assertThat(req).as("seed of %s parses", name(m)).isNotNull();
        Status s = call(f.as(in.caller()), m, req);
        assertThat(s.getCode())
            .as("%s answers its seed: %s", name(m), s)
            .isEqualTo(served.contains(name(m)) ? Status.Code.OK : Status.Code.UNIMPLEMENTED);
        if (name(m).equals("Logout")) {
          f.relogin();
        }
      }
    }
  }
}
