package io.immudb.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto.ReservedRange;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.NullValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks the generated descriptor against spec v1 §9.6 (messages), §9.7.1 (RPCs), §11 (SQL) and §12
 * (streaming), written out here as data so that a rename, renumbering or retyping fails.
 */
class SchemaContractTest {

  private static final FileDescriptor FILE = ImmudbSchemaProto.getDescriptor();

  /** Spec v1 §9.7.1 and §12: {@code Name: Request -> Response}, {@code stream} marks streaming. */
  private static final String RPCS =
      """
      ListUsers: google.protobuf.Empty -> UserList
      CreateUser: CreateUserRequest -> google.protobuf.Empty
      ChangePassword: ChangePasswordRequest -> google.protobuf.Empty
      UpdateAuthConfig: AuthConfig -> google.protobuf.Empty
      UpdateMTLSConfig: MTLSConfig -> google.protobuf.Empty
      Login: LoginRequest -> LoginResponse
      Logout: google.protobuf.Empty -> google.protobuf.Empty
      Set: SetRequest -> TxMetadata
      VerifiableSet: VerifiableSetRequest -> VerifiableTx
      Get: KeyRequest -> Entry
      VerifiableGet: VerifiableGetRequest -> VerifiableEntry
      GetAll: KeyListRequest -> Entries
      ExecAll: ExecAllRequest -> TxMetadata
      Scan: ScanRequest -> Entries
      Count: KeyPrefix -> EntryCount
      CountAll: google.protobuf.Empty -> EntryCount
      TxById: TxRequest -> Tx
      VerifiableTxById: VerifiableTxRequest -> VerifiableTx
      TxScan: TxScanRequest -> TxList
      History: HistoryRequest -> Entries
      Health: google.protobuf.Empty -> HealthResponse
      CurrentState: google.protobuf.Empty -> ImmutableState
      SetReference: ReferenceRequest -> TxMetadata
      VerifiableSetReference: VerifiableReferenceRequest -> VerifiableTx
      ZAdd: ZAddRequest -> TxMetadata
      VerifiableZAdd: VerifiableZAddRequest -> VerifiableTx
      ZScan: ZScanRequest -> ZEntries
      CreateDatabase: Database -> google.protobuf.Empty
      DatabaseList: google.protobuf.Empty -> DatabaseListResponse
      UseDatabase: Database -> UseDatabaseReply
      CompactIndex: google.protobuf.Empty -> google.protobuf.Empty
      ChangePermission: ChangePermissionRequest -> google.protobuf.Empty
      SetActiveUser: SetActiveUserRequest -> google.protobuf.Empty
      streamGet: KeyRequest -> stream Chunk
      streamSet: stream Chunk -> TxMetadata
      streamVerifiableGet: VerifiableGetRequest -> stream Chunk
      streamVerifiableSet: stream Chunk -> VerifiableTx
      streamScan: ScanRequest -> stream Chunk
      streamZScan: ZScanRequest -> stream Chunk
      streamHistory: HistoryRequest -> stream Chunk
      streamExecAll: stream Chunk -> TxMetadata
      UseSnapshot: UseSnapshotRequest -> google.protobuf.Empty
      SQLExec: SQLExecRequest -> SQLExecResult
      SQLQuery: SQLQueryRequest -> SQLQueryResult
      ListTables: google.protobuf.Empty -> SQLQueryResult
      DescribeTable: Table -> SQLQueryResult
      VerifiableSQLGet: VerifiableSQLGetRequest -> VerifiableSQLEntry
      """;

  /**
   * This server's extensions beyond spec v1 (backup, restore, index flush; docs/server.md), kept
   * apart so the spec lists above stay exactly the spec.
   */
  private static final String EXTENSION_RPCS =
      """
      ExportTxs: ExportTxsRequest -> stream ExportedTx
      ImportDatabase: stream ImportRequest -> ImmutableState
      FlushIndex: FlushIndexRequest -> FlushIndexResponse
      """;

  private static final String EXTENSION_MESSAGES =
      """
      ExportTxsRequest: 1 fromTx: uint64 | 2 toTx: uint64
      ExportedEntry: 1 key: bytes | 2 value: bytes
      ExportedTx: 1 header: TxMetadata | 2 entries: ExportedEntry[]
      ImportBegin: 1 databaseName: string | 2 txId: uint64 | 3 txHash: bytes
      ImportRequest: 1 begin: ImportBegin (oneof kind) | 2 tx: ExportedTx (oneof kind)
      FlushIndexRequest: 1 cleanupPercentage: float | 2 synced: bool
      FlushIndexResponse: 1 database: string
      """;

  /**
   * Spec v1 §9.6, one message a line, fields as {@code number name: type} ({@code T[]} = repeated),
   * then {@code reserved n}. Every message of schema.proto is listed.
   */
  private static final String MESSAGES =
      """
      Key: 1 key: bytes
      Permission: 1 database: string | 2 permission: uint32
      User: 1 user: bytes | 3 permissions: Permission[] | 4 createdby: string | 5 createdat: string | 6 active: bool
      UserList: 1 users: User[]
      CreateUserRequest: 1 user: bytes | 2 password: bytes | 3 permission: uint32 | 4 database: string
      UserRequest: 1 user: bytes
      ChangePasswordRequest: 1 user: bytes | 2 oldPassword: bytes | 3 newPassword: bytes
      LoginRequest: 1 user: bytes | 2 password: bytes
      LoginResponse: 1 token: string | 2 warning: bytes
      AuthConfig: 1 kind: uint32
      MTLSConfig: 1 enabled: bool
      Database: 1 databaseName: string
      DatabaseSettings: 1 databaseName: string
      UseDatabaseReply: 1 token: string
      ChangePermissionRequest: 1 action: PermissionAction | 2 username: string | 3 database: string | 4 permission: uint32
      SetActiveUserRequest: 1 active: bool | 2 username: string
      DatabaseListResponse: 1 databases: Database[]
      HealthResponse: 1 status: bool | 2 version: string
      KeyValue: 1 key: bytes | 2 value: bytes
      Entry: 1 tx: uint64 | 2 key: bytes | 3 value: bytes | 4 referencedBy: Reference
      Reference: 1 tx: uint64 | 2 key: bytes | 3 atTx: uint64
      Op: 1 kv: KeyValue (oneof operation) | 2 zAdd: ZAddRequest (oneof operation) | 3 ref: ReferenceRequest (oneof operation)
      ExecAllRequest: 1 Operations: Op[] | 2 noWait: bool
      Entries: 1 entries: Entry[]
      ZEntry: 1 set: bytes | 2 key: bytes | 3 entry: Entry | 4 score: double | 5 atTx: uint64
      ZEntries: 1 entries: ZEntry[]
      ScanRequest: 1 seekKey: bytes | 2 prefix: bytes | 3 desc: bool | 4 limit: uint64 | 5 sinceTx: uint64 | 6 noWait: bool
      KeyPrefix: 1 prefix: bytes
      EntryCount: 1 count: uint64
      SetRequest: 1 KVs: KeyValue[] | 2 noWait: bool
      KeyRequest: 1 key: bytes | 2 atTx: uint64 | 3 sinceTx: uint64
      KeyListRequest: 1 keys: bytes[] | 2 sinceTx: uint64
      ReferenceRequest: 1 key: bytes | 2 referencedKey: bytes | 3 atTx: uint64 | 4 boundRef: bool | 5 noWait: bool
      ZAddRequest: 1 set: bytes | 2 score: double | 3 key: bytes | 4 atTx: uint64 | 5 boundRef: bool | 6 noWait: bool
      Score: 1 score: double
      ZScanRequest: 1 set: bytes | 2 seekKey: bytes | 3 seekScore: double | 4 seekAtTx: uint64 | 5 inclusiveSeek: bool | 6 limit: uint64 | 7 desc: bool | 8 minScore: Score | 9 maxScore: Score | 10 sinceTx: uint64 | 11 noWait: bool
      HistoryRequest: 1 key: bytes | 2 offset: uint64 | 3 limit: int32 | 4 desc: bool | 5 sinceTx: uint64
      TxMetadata: 1 id: uint64 | 2 prevAlh: bytes | 3 ts: int64 | 4 nentries: int32 | 5 eH: bytes | 6 blTxId: uint64 | 7 blRoot: bytes
      TxEntry: 1 key: bytes | 2 hValue: bytes | 4 vLen: int32 | reserved 3
      Tx: 1 metadata: TxMetadata | 2 entries: TxEntry[]
      TxList: 1 txs: Tx[]
      TxRequest: 1 tx: uint64
      VerifiableTxRequest: 1 tx: uint64 | 2 proveSinceTx: uint64
      TxScanRequest: 1 initialTx: uint64 | 2 limit: uint32 | 3 desc: bool
      InclusionProof: 1 leaf: int32 | 2 width: int32 | 3 terms: bytes[]
      LinearProof: 1 sourceTxId: uint64 | 2 TargetTxId: uint64 | 3 terms: bytes[]
      DualProof: 1 sourceTxMetadata: TxMetadata | 2 targetTxMetadata: TxMetadata | 3 inclusionProof: bytes[] | 4 consistencyProof: bytes[] | 5 targetBlTxAlh: bytes | 6 lastInclusionProof: bytes[] | 7 linearProof: LinearProof
      Signature: 1 publicKey: bytes | 2 signature: bytes
      VerifiableTx: 1 tx: Tx | 2 dualProof: DualProof | 3 signature: Signature
      VerifiableEntry: 1 entry: Entry | 2 verifiableTx: VerifiableTx | 3 inclusionProof: InclusionProof
      VerifiableSetRequest: 1 setRequest: SetRequest | 2 proveSinceTx: uint64
      VerifiableGetRequest: 1 keyRequest: KeyRequest | 2 proveSinceTx: uint64
      VerifiableReferenceRequest: 1 referenceRequest: ReferenceRequest | 2 proveSinceTx: uint64
      VerifiableZAddRequest: 1 zAddRequest: ZAddRequest | 2 proveSinceTx: uint64
      ImmutableState: 1 db: string | 2 txId: uint64 | 3 txHash: bytes | 4 signature: Signature
      SQLValue: 1 null: google.protobuf.NullValue (oneof value) | 2 n: int64 (oneof value) | 3 s: string (oneof value) | 4 b: bool (oneof value) | 5 bs: bytes (oneof value)
      NamedParam: 1 name: string | 2 value: SQLValue
      SQLExecRequest: 1 sql: string | 2 params: NamedParam[] | 3 noWait: bool
      SQLExecResult: 1 ctxs: TxMetadata[] | 2 dtxs: TxMetadata[] | 3 updatedRows: uint32 | 4 lastInsertedPKs: map<string, SQLValue>
      SQLQueryRequest: 1 sql: string | 2 params: NamedParam[] | 3 reuseSnapshot: bool
      SQLQueryResult: 1 rows: Row[] | 2 columns: Column[]
      Column: 1 name: string | 2 type: string
      Row: 1 columns: string[] | 2 values: SQLValue[]
      Table: 1 tableName: string
      UseSnapshotRequest: 1 sinceTx: uint64 | 2 asBeforeTx: uint64
      SQLGetRequest: 1 table: string | 2 pkValues: SQLValue[] | 3 atTx: uint64 | 4 sinceTx: uint64
      VerifiableSQLGetRequest: 1 sqlGetRequest: SQLGetRequest | 2 proveSinceTx: uint64
      SQLEntry: 1 tx: uint64 | 2 key: bytes | 3 value: bytes
      VerifiableSQLEntry: 1 sqlEntry: SQLEntry | 2 verifiableTx: VerifiableTx | 3 inclusionProof: InclusionProof | 4 DatabaseId: uint32 | 5 TableId: uint32 | 8 ColNamesById: map<uint32, string> | 9 ColIdsByName: map<string, uint32> | 10 ColTypesById: map<uint32, string> | 11 ColLenById: map<uint32, int32> | 16 PKIDs: uint32[] | reserved 6
      Chunk: 1 content: bytes
      ErrorInfo: 1 code: string | 2 cause: string
      RetryInfo: 1 retry_delay: int32
      DebugInfo: 1 stack: string
      """;

  @Test
  void fileOptions() {
    assertThat(FILE.getPackage()).isEqualTo("immudb.schema");
    assertThat(FILE.getOptions().getJavaPackage()).isEqualTo("io.immudb.proto");
    assertThat(FILE.getServices())
        .extracting(ServiceDescriptor::getFullName)
        .containsExactly("immudb.schema.ImmuService");
  }

  @Test
  void serviceDeclaresEveryRpcOfTheSpec() {
    List<String> actual =
        FILE.findServiceByName("ImmuService").getMethods().stream()
            .map(SchemaContractTest::render)
            .toList();
    assertThat(actual)
        .containsExactlyInAnyOrderElementsOf((RPCS + EXTENSION_RPCS).lines().toList());
  }

  @Test
  void grpcStubsUseTheSpecPathsAndStreamingKinds() {
    Map<String, String> actual =
        ImmuServiceGrpc.getServiceDescriptor().getMethods().stream()
            .collect(
                Collectors.toMap(
                    io.grpc.MethodDescriptor::getFullMethodName, m -> m.getType().name()));
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : (RPCS + EXTENSION_RPCS).lines().toList()) {
      String name = line.substring(0, line.indexOf(':'));
      String[] inOut = line.substring(line.indexOf(':') + 2).split(" -> ");
      boolean clientStreams = inOut[0].startsWith("stream ");
      boolean serverStreams = inOut[1].startsWith("stream ");
      String kind =
          clientStreams ? "CLIENT_STREAMING" : serverStreams ? "SERVER_STREAMING" : "UNARY";
      expected.put("immudb.schema.ImmuService/" + name, kind);
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void messagesMatchTheSpecFieldByField() {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : (MESSAGES + EXTENSION_MESSAGES).lines().toList()) {
      int colon = line.indexOf(": ");
      expected.put(line.substring(0, colon), line.substring(colon + 2));
    }
    Map<String, String> actual = new LinkedHashMap<>();
    for (Descriptor m : FILE.getMessageTypes()) {
      actual.put(m.getName(), render(m));
    }
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void permissionActionEnum() {
    assertThat(PermissionAction.GRANT.getNumber()).isZero();
    assertThat(PermissionAction.REVOKE.getNumber()).isEqualTo(1);
    assertThat(PermissionAction.getDescriptor().getValues()).hasSize(2);
  }

  @Test
  void verifiableTxWithDualProofRoundTrips() throws InvalidProtocolBufferException {
    TxMetadata source = header(3, 0x11);
    TxMetadata target = header(7, 0x22);
    VerifiableTx vtx =
        VerifiableTx.newBuilder()
            .setTx(
                Tx.newBuilder()
                    .setMetadata(target)
                    .addEntries(
                        TxEntry.newBuilder()
                            .setKey(bytes(0x00, 'k'))
                            .setHValue(bytes(0x33, 32))
                            .setVLen(6)))
            .setDualProof(
                DualProof.newBuilder()
                    .setSourceTxMetadata(source)
                    .setTargetTxMetadata(target)
                    .addInclusionProof(bytes(0x44, 32))
                    .addConsistencyProof(bytes(0x55, 32))
                    .addConsistencyProof(bytes(0x56, 32))
                    .setTargetBlTxAlh(bytes(0x66, 32))
                    .addLastInclusionProof(bytes(0x77, 32))
                    .setLinearProof(
                        LinearProof.newBuilder()
                            .setSourceTxId(6)
                            .setTargetTxId(7)
                            .addTerms(bytes(0x88, 32))
                            .addTerms(bytes(0x99, 32))))
            .setSignature(
                Signature.newBuilder().setPublicKey(bytes(0x01, 65)).setSignature(bytes(0x02, 72)))
            .build();

    VerifiableTx parsed = VerifiableTx.parseFrom(vtx.toByteArray());

    assertThat(parsed).isEqualTo(vtx);
    assertThat(parsed.getDualProof().getLinearProof().getTermsList()).hasSize(2);
    assertThat(parsed.getUnknownFields().asMap()).isEmpty();
  }

  @Test
  void sqlNullInsideTheOneofIsWrittenAsSpecified() throws InvalidProtocolBufferException {
    // Spec v1 §9.6: SQLValue{null = NULL_VALUE} encodes as 08 00 and means "null is set".
    SQLValue nul = SQLValue.newBuilder().setNull(NullValue.NULL_VALUE).build();
    assertThat(nul.toByteArray()).containsExactly(0x08, 0x00);
    assertThat(SQLValue.parseFrom(new byte[] {0x08, 0x00}).getValueCase())
        .isEqualTo(SQLValue.ValueCase.NULL);
  }

  @Test
  void olderClientShapesStillParse() throws InvalidProtocolBufferException {
    // Appendix A: an older TxEntry may carry vOff (3); it is skipped, vLen (4) survives.
    byte[] txEntry = {0x0a, 0x01, 'k', 0x18, 0x05, 0x20, 0x06};
    assertThat(TxEntry.parseFrom(txEntry).getVLen()).isEqualTo(6);
    // Appendix A: a singular `SQLValue pkValue = 2` encodes as one element of pkValues.
    byte[] sqlGet = {0x12, 0x02, 0x10, 0x01};
    assertThat(SQLGetRequest.parseFrom(sqlGet).getPkValuesList())
        .containsExactly(SQLValue.newBuilder().setN(1).build());
  }

  private static TxMetadata header(long id, int fill) {
    return TxMetadata.newBuilder()
        .setId(id)
        .setPrevAlh(bytes(fill, 32))
        .setTs(1_632_000_000L + id)
        .setNentries(1)
        .setEH(bytes(fill + 1, 32))
        .setBlTxId(id - 1)
        .setBlRoot(bytes(fill + 2, 32))
        .build();
  }

  private static ByteString bytes(int fill, int length) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) fill);
    return ByteString.copyFrom(b);
  }

  private static String render(MethodDescriptor m) {
    return m.getName()
        + ": "
        + (m.isClientStreaming() ? "stream " : "")
        + typeName(m.getInputType())
        + " -> "
        + (m.isServerStreaming() ? "stream " : "")
        + typeName(m.getOutputType());
  }

  private static String render(Descriptor m) {
    List<String> parts = new ArrayList<>();
    m.getFields().stream()
        .sorted((a, b) -> Integer.compare(a.getNumber(), b.getNumber()))
        .forEach(f -> parts.add(f.getNumber() + " " + f.getName() + ": " + type(f)));
    for (ReservedRange r : m.toProto().getReservedRangeList()) {
      parts.add(
          "reserved "
              + (r.getEnd() - r.getStart() == 1
                  ? String.valueOf(r.getStart())
                  : r.getStart() + " to " + (r.getEnd() - 1)));
    }
    m.toProto().getReservedNameList().forEach(n -> parts.add("reserved \"" + n + "\""));
    return String.join(" | ", parts);
  }

  private static String type(FieldDescriptor f) {
    if (f.isMapField()) {
      Descriptor entry = f.getMessageType();
      return "map<"
          + scalarOrNamed(entry.findFieldByName("key"))
          + ", "
          + scalarOrNamed(entry.findFieldByName("value"))
          + ">";
    }
    String t = scalarOrNamed(f) + (f.isRepeated() ? "[]" : "");
    if (f.getRealContainingOneof() != null) {
      t += " (oneof " + f.getRealContainingOneof().getName() + ")";
    }
    return t;
  }

  private static String scalarOrNamed(FieldDescriptor f) {
    return switch (f.getJavaType()) {
      case MESSAGE -> typeName(f.getMessageType());
      case ENUM -> qualified(f.getEnumType().getFullName());
      default -> f.getType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String typeName(Descriptor d) {
    return qualified(d.getFullName());
  }

  private static String qualified(String fullName) {
    String local = FILE.getPackage() + ".";
    return fullName.startsWith(local) ? fullName.substring(local.length()) : fullName;
  }
}
