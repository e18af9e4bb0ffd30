package io.immudb.server.grpc;

import static io.immudb.server.grpc.MatrixFixture.b;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.immudb.legacy.proto.ImmuServiceGrpc;
import io.immudb.legacy.proto.LegacyProto;
import io.immudb.server.auth.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission matrix of the v0.8 service ({@code --legacy-port}): every method of its generated
 * descriptor × every {@link MatrixCaller}. The twin table of docs/legacy.md names the v1.1 method
 * each v0.8 method is permitted like; the outcome is then the v1.1 table's (docs/protocol.md §9.4),
 * with v0.8's refusal codes and texts (spec v0.8 §4.2.3). Methods the server does not serve answer
 * UNIMPLEMENTED to everyone.
 */
class LegacyPermissionMatrixTest {
  @TempDir static Path dir;
  private static MatrixFixture fx;
  private static int cell;

  @BeforeAll
  static void start() throws Exception {
    fx = new MatrixFixture(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    fx.close();
  }

  @Test
  void everyV08MethodHasATwinRowAndEveryServedOneARequest() throws Exception {
    Map<String, String> twins = PermissionTableDoc.legacyTwins();
    assertThat(twins.keySet())
        .as("docs/legacy.md twin rows vs. the v0.8 service descriptor")
        .containsExactlyInAnyOrderElementsOf(
            PermissionMatrixTest.methodNames(ImmuServiceGrpc.getServiceDescriptor()));
    Map<String, Requirement> v1 = PermissionTableDoc.v1();
    twins.forEach(
        (m, twin) -> {
          if (twin != null) {
            assertThat(v1).as("twin of %s", m).containsKey(twin);
            assertThat(REQUESTS).as("a request for %s", m).containsKey(m);
          }
        });
  }

  @Test
  void everyV08MethodTimesEveryCallerAnswersAsItsV11Twin() throws Exception {
    Map<String, String> twins = PermissionTableDoc.legacyTwins();
    Map<String, Requirement> v1 = PermissionTableDoc.v1();
    List<String> failures = new ArrayList<>();
    int served = 0;
    for (MethodDescriptor<?, ?> m : ImmuServiceGrpc.getServiceDescriptor().getMethods()) {
      String name = m.getBareMethodName();
      String twin = twins.get(name);
      if (twin == null) {
        for (MatrixCaller p : MatrixCaller.values()) {
          MatrixAnswer a = call(m, p, n -> List.of(defaultRequest(m)));
          if (a.code() != Status.Code.UNIMPLEMENTED) {
            failures.add(name + " (not served) × " + p + ": " + a + ", want UNIMPLEMENTED");
          }
        }
        continue;
      }
      served++;
      Requirement r = v1.get(twin);
      MatrixAnswer sys = call(m, MatrixCaller.SYSADMIN, REQUESTS.get(name));
      if (!sys.equals(MatrixAnswer.OK)) {
        failures.add(name + " × SYSADMIN: " + sys + ", want OK");
      }
      for (MatrixCaller p : MatrixCaller.values()) {
        MatrixAnswer a = p == MatrixCaller.SYSADMIN ? sys : call(m, p, REQUESTS.get(name));
        String why = check(name, r, p, a, sys);
        if (why != null) {
          failures.add(name + " (as " + twin + ", " + r + ") × " + p + ": " + a + ", want " + why);
        }
      }
    }
    assertThat(failures).as("v0.8 cells that disagree with docs/legacy.md").isEmpty();
    assertThat(served).isEqualTo(REQUESTS.size());
  }

  private static String check(
      String method, Requirement r, MatrixCaller p, MatrixAnswer a, MatrixAnswer sys) {
    MatrixCaller.Outcome want = p.on(r);
    MatrixAnswer exact =
        switch (want) {
          case NOT_LOGGED_IN ->
              method.equals("UseDatabase")
                  ? new MatrixAnswer(Status.Code.UNAUTHENTICATED, "Please login")
                  : new MatrixAnswer(Status.Code.UNKNOWN, "please login first");
          case TOKEN_EXPIRED ->
              new MatrixAnswer(Status.Code.PERMISSION_DENIED, "token has expired");
          case PERMISSION_DENIED ->
              new MatrixAnswer(
                  Status.Code.UNKNOWN, "you do not have permission for this operation");
          case NOT_SYSADMIN ->
              new MatrixAnswer(
                  Status.Code.UNKNOWN,
                  "Logged In user does not have permissions for this operation");
          case ALLOWED -> null;
        };
    if (exact != null) {
      return a.equals(exact) ? null : want + " " + exact;
    }
    if (r == Requirement.LOGGED_IN) {
      boolean gate =
          a.code() == Status.Code.UNAUTHENTICATED
              || "please login first".equals(a.text())
              || (a.code() == Status.Code.PERMISSION_DENIED
                  && !PermissionMatrixTest.OWN_CHECK_REFUSALS.contains(a.text()));
      return gate ? "ALLOWED (past the gate)" : null;
    }
    return a.code() == sys.code() ? null : "ALLOWED, as the sysadmin: " + sys;
  }

  private static MatrixAnswer call(
      MethodDescriptor<?, ?> m, MatrixCaller p, IntFunction<List<Message>> request)
      throws Exception {
    return MatrixFixture.call(
        MatrixFixture.authed(fx.v08Channel(), fx.token(p)), m, request.apply(cell++));
  }

  /** The empty request message of {@code m}, from its marshaller. */
  private static Message defaultRequest(MethodDescriptor<?, ?> m) {
    Object prototype =
        ((io.grpc.MethodDescriptor.PrototypeMarshaller<?>) m.getRequestMarshaller())
            .getMessagePrototype();
    return (Message) prototype;
  }

  /** A minimal valid request per served v0.8 method. */
  static final Map<String, IntFunction<List<Message>>> REQUESTS = requests();

  private static Map<String, IntFunction<List<Message>>> requests() {
    Map<String, IntFunction<List<Message>>> r = new LinkedHashMap<>();
    Empty empty = Empty.getDefaultInstance();
    LegacyProto.KeyValue kv =
        LegacyProto.KeyValue.newBuilder().setKey(b("w")).setValue(b("v")).build();
    LegacyProto.Key k = LegacyProto.Key.newBuilder().setKey(b("k")).build();
    LegacyProto.Index i0 = LegacyProto.Index.newBuilder().setIndex(0).build();
    one(r, "Health", empty);
    one(
        r,
        "Login",
        LegacyProto.LoginRequest.newBuilder()
            .setUser(b("immudb"))
            .setPassword(b("immudb"))
            .build());
    one(r, "Logout", empty);
    one(r, "UseDatabase", LegacyProto.Database.newBuilder().setDatabasename("defaultdb").build());
    r.put(
        "CreateDatabase",
        n -> List.of(LegacyProto.Database.newBuilder().setDatabasename("legacy" + n).build()));
    one(r, "DatabaseList", empty);
    one(r, "CurrentRoot", empty);
    one(r, "Inclusion", i0);
    one(r, "Consistency", i0);
    one(r, "Set", kv);
    one(r, "SetBatch", LegacyProto.KVList.newBuilder().addKVs(kv).build());
    one(r, "SafeSet", LegacyProto.SafeSetOptions.newBuilder().setKv(kv).build());
    one(r, "Get", k);
    one(r, "SafeGet", LegacyProto.SafeGetOptions.newBuilder().setKey(b("k")).build());
    one(r, "GetBatch", LegacyProto.KeyList.newBuilder().addKeys(k).build());
    one(r, "Scan", LegacyProto.ScanOptions.newBuilder().setPrefix(b("k")).build());
    one(r, "Count", LegacyProto.KeyPrefix.newBuilder().setPrefix(b("k")).build());
    one(r, "History", k);
    one(r, "ByIndex", i0);
    one(r, "BySafeIndex", LegacyProto.SafeIndexOptions.newBuilder().setIndex(0).build());
    one(r, "IScan", LegacyProto.IScanOptions.newBuilder().setPageSize(1).setPageNumber(1).build());
    one(
        r,
        "Reference",
        LegacyProto.ReferenceOptions.newBuilder().setReference(b("ref")).setKey(b("k")).build());
    one(
        r,
        "ZAdd",
        LegacyProto.ZAddOptions.newBuilder().setSet(b("s")).setScore(2).setKey(b("k")).build());
    one(r, "ZScan", LegacyProto.ZScanOptions.newBuilder().setSet(b("s")).build());
    one(
        r,
        "SafeReference",
        LegacyProto.SafeReferenceOptions.newBuilder()
            .setRo(LegacyProto.ReferenceOptions.newBuilder().setReference(b("sref")).setKey(b("k")))
            .build());
    one(
        r,
        "SafeZAdd",
        LegacyProto.SafeZAddOptions.newBuilder()
            .setZopts(
                LegacyProto.ZAddOptions.newBuilder().setSet(b("s")).setScore(3).setKey(b("k")))
            .build());
    return r;
  }

  private static void one(Map<String, IntFunction<List<Message>>> r, String method, Message m) {
    r.put(method, n -> List.of(m));
  }
}
