package io.immudb.server.grpc;

import static io.immudb.server.grpc.MatrixFixture.PW;
import static io.immudb.server.grpc.MatrixFixture.b;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.immudb.proto.*;
import io.immudb.server.auth.MethodPermissions;
import io.immudb.server.auth.Requirement;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole permission matrix of the v1.1 service: every method of the generated {@link
 * ServiceDescriptor} × every {@link MatrixCaller}, each answer checked against the documented
 * permission table (docs/protocol.md §9.4, parsed by {@link PermissionTableDoc}), which is also
 * checked to be the server's own table ({@link MethodPermissions}). A method without a row in the
 * docs, or without a request here, fails the test, so a new RPC cannot be forgotten.
 *
 * <p>Each call sends a minimal valid request, so that an allowed call succeeds (the sysadmin's
 * answer must be OK, or the documented refusal of an RPC that is never served) and a refused one is
 * told apart by its code and text; an allowed call of any other caller must get the sysadmin's
 * code. Every cell logs in afresh ({@link MatrixFixture#token}).
 */
class PermissionMatrixTest {
  /** Refusals the logged-in-only methods make themselves (§9.5), which are not the gate's. */
  static final Set<String> OWN_CHECK_REFUSALS =
      Set.of(
          "you do not have permission on this database",
          "user is not system admin nor admin in any of the databases",
          "Logged in user does not have permission on this database",
          "victim was not created by you");

  /** The sysadmin's answer where it is not OK: the RPCs that are never served. */
  static final Map<String, MatrixAnswer> SYSADMIN_NOT_OK =
      Map.ofEntries(
          Map.entry("Count", notSupported()),
          Map.entry("CountAll", notSupported()),
          Map.entry("UpdateAuthConfig", notSupported()),
          Map.entry("UpdateMTLSConfig", notSupported()));

  private static MatrixAnswer notSupported() {
    return new MatrixAnswer(Status.Code.INTERNAL, "operation not supported");
  }

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
  void everyMethodOfTheDescriptorHasARowInTheDocumentedTableAndARequest() throws Exception {
    Set<String> methods = methodNames(ImmuServiceGrpc.getServiceDescriptor());
    assertThat(PermissionTableDoc.v1().keySet())
        .as("docs/protocol.md §9.4 rows vs. the service descriptor")
        .containsExactlyInAnyOrderElementsOf(methods);
    assertThat(REQUESTS.keySet())
        .as("a minimal request for every method")
        .containsExactlyInAnyOrderElementsOf(methods);
  }

  @Test
  void theServersTableIsTheDocumentedTable() throws Exception {
    Map<String, Requirement> doc = PermissionTableDoc.v1();
    assertThat(MethodPermissions.methods()).containsExactlyInAnyOrderElementsOf(doc.keySet());
    doc.forEach(
        (method, r) -> assertThat(MethodPermissions.requirement(method)).as(method).contains(r));
  }

  @Test
  void everyMethodTimesEveryCallerAnswersAsTheTableSays() throws Exception {
    Map<String, Requirement> doc = PermissionTableDoc.v1();
    List<String> failures = new ArrayList<>();
    int cells = 0;
    for (MethodDescriptor<?, ?> m : ImmuServiceGrpc.getServiceDescriptor().getMethods()) {
      String name = m.getBareMethodName();
      Requirement r = doc.get(name);
      assertThat(r).as("docs/protocol.md §9.4 row for %s", name).isNotNull();
      MatrixAnswer sys = call(m, MatrixCaller.SYSADMIN);
      MatrixAnswer sysWant = SYSADMIN_NOT_OK.getOrDefault(name, MatrixAnswer.OK);
      if (!sys.equals(sysWant)) {
        failures.add(name + " × SYSADMIN: " + sys + ", want " + sysWant);
      }
      for (MatrixCaller p : MatrixCaller.values()) {
        MatrixAnswer a = p == MatrixCaller.SYSADMIN ? sys : call(m, p);
        cells++;
        String why = check(name, r, p, a, sys);
        if (why != null) {
          failures.add(name + " (" + r + ") × " + p + ": " + a + ", want " + why);
        }
      }
    }
    assertThat(failures).as("cells that disagree with docs/protocol.md §9.4").isEmpty();
    assertThat(cells).isEqualTo(doc.size() * MatrixCaller.values().length);
  }

  /** Null if {@code a} is what the table says, else what was wanted. */
  static String check(
      String method, Requirement r, MatrixCaller p, MatrixAnswer a, MatrixAnswer sys) {
    MatrixCaller.Outcome want = p.on(r);
    MatrixAnswer exact =
        switch (want) {
          case NOT_LOGGED_IN ->
              new MatrixAnswer(
                  Status.Code.UNAUTHENTICATED,
                  method.equals("UseDatabase") ? "Please login" : "not logged in");
          case TOKEN_EXPIRED -> new MatrixAnswer(Status.Code.UNAUTHENTICATED, "token has expired");
          case PERMISSION_DENIED ->
              new MatrixAnswer(Status.Code.PERMISSION_DENIED, "permission denied");
          case NOT_SYSADMIN ->
              new MatrixAnswer(
                  Status.Code.PERMISSION_DENIED,
                  "Logged In user does not have permissions for this operation");
          case ALLOWED -> null;
        };
    if (exact != null) {
      return a.equals(exact) ? null : want + " " + exact;
    }
    if (r == Requirement.LOGGED_IN) {
      // Past the gate; the method's own checks may still refuse, with their own texts.
      boolean gate =
          a.code() == Status.Code.UNAUTHENTICATED
              || (a.code() == Status.Code.PERMISSION_DENIED
                  && !OWN_CHECK_REFUSALS.contains(a.text()));
      return gate ? "ALLOWED (past the gate)" : null;
    }
    return a.code() == sys.code() ? null : "ALLOWED, as the sysadmin: " + sys;
  }

  private static MatrixAnswer call(MethodDescriptor<?, ?> m, MatrixCaller p) throws Exception {
    IntFunction<List<Message>> request = REQUESTS.get(m.getBareMethodName());
    assertThat(request).as("a request for %s", m.getBareMethodName()).isNotNull();
    return MatrixFixture.call(
        MatrixFixture.authed(fx.v1Channel(), fx.token(p)), m, request.apply(cell++));
  }

  // ---------------------------------------------------------------- requests

  /** A minimal valid request per method; the argument numbers the cell, for unique names. */
  static final Map<String, IntFunction<List<Message>>> REQUESTS = requests();

  private static Map<String, IntFunction<List<Message>>> requests() {
    Map<String, IntFunction<List<Message>>> r = new LinkedHashMap<>();
    Empty empty = Empty.getDefaultInstance();
    KeyRequest k = KeyRequest.newBuilder().setKey(b("k")).build();
    SetRequest set = SetRequest.newBuilder().addKVs(kv("w", "v")).build();
    ReferenceRequest ref =
        ReferenceRequest.newBuilder().setKey(b("ref")).setReferencedKey(b("k")).build();
    ZAddRequest zAdd = ZAddRequest.newBuilder().setSet(b("s")).setKey(b("k")).setScore(2).build();
    one(r, "Health", empty);
    one(
        r,
        "Login",
        LoginRequest.newBuilder().setUser(b("immudb")).setPassword(b("immudb")).build());
    one(r, "Logout", empty);
    one(
        r,
        "UseDatabase",
        io.immudb.proto.Database.newBuilder().setDatabaseName("defaultdb").build());
    r.put(
        "CreateDatabase",
        n -> List.of(io.immudb.proto.Database.newBuilder().setDatabaseName("matrix" + n).build()));
    one(r, "DatabaseList", empty);
    r.put(
        "CreateUser",
        n ->
            List.of(
                CreateUserRequest.newBuilder()
                    .setUser(b("made" + n))
                    .setPassword(b(PW))
                    .setPermission(1)
                    .setDatabase("defaultdb")
                    .build()));
    one(r, "ListUsers", empty);
    one(
        r,
        "ChangePassword",
        ChangePasswordRequest.newBuilder()
            .setUser(b("victim"))
            .setOldPassword(b(PW))
            .setNewPassword(b(PW))
            .build());
    one(
        r,
        "ChangePermission",
        ChangePermissionRequest.newBuilder()
            .setAction(PermissionAction.GRANT)
            .setUsername("victim")
            .setDatabase("defaultdb")
            .setPermission(1)
            .build());
    one(
        r,
        "SetActiveUser",
        SetActiveUserRequest.newBuilder().setUsername("victim").setActive(true).build());
    one(r, "UpdateAuthConfig", AuthConfig.getDefaultInstance());
    one(r, "UpdateMTLSConfig", MTLSConfig.getDefaultInstance());
    one(r, "CurrentState", empty);
    one(r, "Set", set);
    one(r, "Get", k);
    one(r, "GetAll", KeyListRequest.newBuilder().addKeys(b("k")).build());
    one(r, "VerifiableSet", VerifiableSetRequest.newBuilder().setSetRequest(set).build());
    one(r, "VerifiableGet", VerifiableGetRequest.newBuilder().setKeyRequest(k).build());
    one(
        r,
        "ExecAll",
        ExecAllRequest.newBuilder().addOperations(Op.newBuilder().setKv(kv("e", "v"))).build());
    one(r, "Scan", ScanRequest.getDefaultInstance());
    one(r, "Count", KeyPrefix.newBuilder().setPrefix(b("k")).build());
    one(r, "CountAll", empty);
    one(r, "History", HistoryRequest.newBuilder().setKey(b("k")).build());
    one(r, "TxById", TxRequest.newBuilder().setTx(1).build());
    one(r, "VerifiableTxById", VerifiableTxRequest.newBuilder().setTx(1).build());
    one(r, "TxScan", TxScanRequest.newBuilder().setInitialTx(1).build());
    one(r, "SetReference", ref);
    one(
        r,
        "VerifiableSetReference",
        VerifiableReferenceRequest.newBuilder().setReferenceRequest(ref).build());
    one(r, "ZAdd", zAdd);
    one(r, "VerifiableZAdd", VerifiableZAddRequest.newBuilder().setZAddRequest(zAdd).build());
    one(r, "ZScan", ZScanRequest.newBuilder().setSet(b("s")).build());
    one(r, "CompactIndex", empty);
    one(
        r,
        "SQLExec",
        SQLExecRequest.newBuilder().setSql("UPSERT INTO matrix (id) VALUES (1)").build());
    one(r, "SQLQuery", SQLQueryRequest.newBuilder().setSql("SELECT id FROM matrix").build());
    one(r, "ListTables", empty);
    one(r, "DescribeTable", Table.newBuilder().setTableName("matrix").build());
    one(
        r,
        "VerifiableSQLGet",
        VerifiableSQLGetRequest.newBuilder()
            .setSqlGetRequest(
                SQLGetRequest.newBuilder()
                    .setTable("matrix")
                    .addPkValues(io.immudb.proto.SQLValue.newBuilder().setN(1)))
            .build());
    one(r, "UseSnapshot", UseSnapshotRequest.getDefaultInstance());
    one(r, "streamGet", k);
    one(r, "streamVerifiableGet", VerifiableGetRequest.newBuilder().setKeyRequest(k).build());
    one(r, "streamScan", ScanRequest.getDefaultInstance());
    one(r, "streamZScan", ZScanRequest.newBuilder().setSet(b("s")).build());
    one(r, "streamHistory", HistoryRequest.newBuilder().setKey(b("k")).build());
    r.put("streamSet", n -> chunks("sk".getBytes(), "v".getBytes()));
    r.put("streamVerifiableSet", n -> chunks(u64(0), "svk".getBytes(), "v".getBytes()));
    r.put("streamExecAll", n -> chunks(new byte[] {1}, "sek".getBytes(), "v".getBytes()));
    one(r, "ExportTxs", ExportTxsRequest.newBuilder().setFromTx(1).setToTx(1).build());
    r.put("ImportDatabase", PermissionMatrixTest::importOneTx);
    one(r, "FlushIndex", FlushIndexRequest.getDefaultInstance());
    return r;
  }

  /**
   * {@code ImportDatabase} of a one-tx history: tx 1 of {@code defaultdb} as {@code ExportTxs}
   * gives it, under a new name.
   */
  private static List<Message> importOneTx(int n) {
    ImmuServiceGrpc.ImmuServiceBlockingStub sys = fx.sysadmin();
    ExportedTx tx =
        sys.exportTxs(ExportTxsRequest.newBuilder().setFromTx(1).setToTx(1).build()).next();
    byte[] alh = alhOfTx1(sys);
    return List.of(
        ImportRequest.newBuilder()
            .setBegin(
                ImportBegin.newBuilder()
                    .setDatabaseName("imported" + n)
                    .setTxId(1)
                    .setTxHash(ByteString.copyFrom(alh)))
            .build(),
        ImportRequest.newBuilder().setTx(tx).build());
  }

  /** The Alh of tx 1, as the prevAlh of tx 2 (spec v1 §5.3). */
  private static byte[] alhOfTx1(ImmuServiceGrpc.ImmuServiceBlockingStub sys) {
    return sys.txById(TxRequest.newBuilder().setTx(2).build())
        .getMetadata()
        .getPrevAlh()
        .toByteArray();
  }

  private static void one(Map<String, IntFunction<List<Message>>> r, String method, Message m) {
    r.put(method, n -> List.of(m));
  }

  private static List<Message> chunks(byte[]... messages) {
    List<Message> out = new ArrayList<>();
    for (byte[] m : messages) {
      out.add(
          Chunk.newBuilder()
              .setContent(
                  ByteString.copyFrom(
                      ByteBuffer.allocate(8 + m.length).putLong(m.length).put(m).array()))
              .build());
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  static Set<String> methodNames(ServiceDescriptor d) {
    Set<String> out = new TreeSet<>();
    d.getMethods().forEach(m -> out.add(m.getBareMethodName()));
    return out;
  }

  private static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(b(k)).setValue(b(v)).build();
  }

  private static byte[] u64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }
}
