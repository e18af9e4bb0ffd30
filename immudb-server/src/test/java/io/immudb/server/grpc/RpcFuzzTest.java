package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.immudb.core.state.ImmuState;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.server.db.DatabaseRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every RPC of the v1.1 service fed arbitrary requests (issue 16, part 1), through the in-process
 * server of the permission matrix ({@link MatrixFixture}: auth on, a small live database with
 * users, keys, a sorted set and a SQL table). The input picks a method of the generated service
 * descriptor and a caller (the sysadmin, or {@code writer}, read-write on defaultdb), and carries
 * the request message(s) as protobuf bytes ({@link RpcFuzzInput}).
 *
 * <p>Property: every call ends in OK or a typed refusal — never INTERNAL (unless it is the
 * documented {@code operation not supported} of an RPC that is never served) nor UNKNOWN (an
 * exception that escaped the status mapping), never a hang (the client's deadline; the server's own
 * DEADLINE_EXCEEDED for a read waiting for a tx beyond the last one is an answer), and a refused
 * call changes no database's state (tx id and Alh of every database, the database list).
 *
 * <p>In {@code mvn test} the seed corpus ({@code RpcFuzzTestInputs/rpc/}: a valid request of every
 * method, made by {@link #seedCorpusHasAValidRequestOfEveryMethod}) and pinned findings are
 * replayed; the {@code fuzz} execution of this module's pom fuzzes for {@code maxDuration}. Longer
 * runs by hand: docs/design/fuzzing.md.
 */
class RpcFuzzTest {
  /** The INTERNAL answers that are documented (docs/server.md): RPCs that are never served. */
  private static final Set<String> DOCUMENTED_INTERNAL = Set.of("operation not supported");

  /** Databases a fuzz run may create, so that a long run does not open hundreds of stores. */
  private static final int MAX_DATABASES = 8;

  private static final Path SEEDS =
      Path.of("src/test/resources/io/immudb/server/grpc/RpcFuzzTestInputs/rpc");

  /** The fixture's index wait; the client's deadline (20 s) is far beyond it. */
  static final Duration INDEX_WAIT = Duration.ofSeconds(1);

  private static MatrixFixture fx;
  private static String sysadmin;
  private static String writer;

  /** The methods of the service, in a stable order (by name): the input's first byte picks one. */
  static final List<MethodDescriptor<?, ?>> METHODS = methods();

  private static List<MethodDescriptor<?, ?>> methods() {
    List<MethodDescriptor<?, ?>> out =
        new ArrayList<>(ImmuServiceGrpc.getServiceDescriptor().getMethods());
    out.sort(Comparator.comparing(MethodDescriptor::getBareMethodName));
    return List.copyOf(out);
  }

  private static synchronized MatrixFixture fixture() throws Exception {
    if (fx == null) {
      Path dir = Files.createTempDirectory("rpcfuzz");
      dir.toFile().deleteOnExit();
      // A read with sinceTx beyond the last tx waits for the index up to this long, then answers
      // DEADLINE_EXCEEDED (the server's default: 60 s, which a fuzzer cannot wait per input).
      fx =
          new MatrixFixture(
              dir, StoreOptions.builder().synced(false).indexWaitTimeout(INDEX_WAIT).build());
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
      relogin();
    }
    return fx;
  }

  private static void relogin() {
    sysadmin = fx.login("immudb", "immudb");
    writer = fx.login("writer", MatrixFixture.PW);
  }

  @FuzzTest(maxDuration = "3s")
  void rpc(byte[] data) throws Exception {
    RpcFuzzInput in = RpcFuzzInput.decode(data, METHODS.size());
    if (in == null) {
      return;
    }
    MethodDescriptor<?, ?> m = METHODS.get(in.method());
    List<Message> requests = in.parse(m);
    if (requests == null) {
      return; // not a message of the method's request type: gRPC's marshaller refuses it
    }
    MatrixFixture f = fixture();
    String name = m.getBareMethodName();
    boolean creates = name.equals("CreateDatabase") || name.equals("ImportDatabase");
    if (creates && f.registry().list().size() >= MAX_DATABASES) {
      return;
    }
    Map<String, Object> before = states(f.registry());
    String token = in.sysadmin() ? sysadmin : writer;
    MatrixAnswer a = MatrixFixture.call(MatrixFixture.authed(f.v1Channel(), token), m, requests);

    assertThat(a.code()).as("%s: %s", name, a).isNotEqualTo(Status.Code.UNKNOWN);
    if (a.code() == Status.Code.DEADLINE_EXCEEDED) {
      // The server's own answer to a wait for the index (sinceTx beyond the last tx), not the
      // client's deadline: a call that outlives it hangs.
      assertThat(a.text()).as("%s hung: %s", name, a).startsWith("the index did not reach tx");
    }
    if (a.code() == Status.Code.INTERNAL) {
      assertThat(a.text()).as("%s answered INTERNAL", name).isIn(DOCUMENTED_INTERNAL);
    }
    if (a.code() != Status.Code.OK) {
      assertThat(states(f.registry())).as("%s refused with %s, yet", name, a).isEqualTo(before);
    }
    // Calls that end or change the sessions: start the next input with live tokens.
    if (Set.of("Logout", "ChangePassword", "ChangePermission", "SetActiveUser").contains(name)) {
      relogin();
    }
  }

  /** Each database's tx id and Alh, and the database list. */
  private static Map<String, Object> states(DatabaseRegistry r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("databases", List.copyOf(r.list()));
    out.put("systemdb", state(r.systemdb().currentState()));
    for (String db : r.list()) {
      out.put(db, state(r.get(db).currentState()));
    }
    return out;
  }

  private static String state(ImmuState s) {
    return s.txId() + ":" + s.txHash();
  }

  /**
   * The seed corpus holds one input per method, a valid request (the permission matrix's) that the
   * sysadmin's call answers as the matrix expects; run with {@code -Dimmudb.writeSeeds=true} to
   * write it again after a method is added.
   */
  @Test
  void seedCorpusHasAValidRequestOfEveryMethod() throws Exception {
    boolean write = Boolean.getBoolean("immudb.writeSeeds");
    if (write) {
      Files.createDirectories(SEEDS);
    }
    for (int i = 0; i < METHODS.size(); i++) {
      MethodDescriptor<?, ?> m = METHODS.get(i);
      Path seed = SEEDS.resolve("seed-" + m.getBareMethodName());
      if (write) {
        List<Message> reqs =
            m.getBareMethodName().equals("ImportDatabase")
                ? List.of() // needs a live export; the fuzzer starts from an empty stream
                : PermissionMatrixTest.REQUESTS.get(m.getBareMethodName()).apply(0);
        Files.write(seed, RpcFuzzInput.encode(i, m, true, reqs));
      }
      assertThat(seed).as("seed of %s", m.getBareMethodName()).exists();
      RpcFuzzInput in = RpcFuzzInput.decode(Files.readAllBytes(seed), METHODS.size());
      assertThat(in).isNotNull();
      assertThat(in.method()).isEqualTo(i);
      assertThat(in.parse(m)).as("seed of %s parses", m.getBareMethodName()).isNotNull();
    }
  }
}
