package io.immudb.legacy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.immudb.legacy.proto.LegacyProto.AuthConfig;
import io.immudb.legacy.proto.LegacyProto.ChangePasswordRequest;
import io.immudb.legacy.proto.LegacyProto.ChangePermissionRequest;
import io.immudb.legacy.proto.LegacyProto.Content;
import io.immudb.legacy.proto.LegacyProto.CreateUserRequest;
import io.immudb.legacy.proto.LegacyProto.Database;
import io.immudb.legacy.proto.LegacyProto.IScanOptions;
import io.immudb.legacy.proto.LegacyProto.Index;
import io.immudb.legacy.proto.LegacyProto.KVList;
import io.immudb.legacy.proto.LegacyProto.Key;
import io.immudb.legacy.proto.LegacyProto.KeyList;
import io.immudb.legacy.proto.LegacyProto.KeyPrefix;
import io.immudb.legacy.proto.LegacyProto.KeyValue;
import io.immudb.legacy.proto.LegacyProto.LoginRequest;
import io.immudb.legacy.proto.LegacyProto.MTLSConfig;
import io.immudb.legacy.proto.LegacyProto.ReferenceOptions;
import io.immudb.legacy.proto.LegacyProto.SKVList;
import io.immudb.legacy.proto.LegacyProto.SafeGetOptions;
import io.immudb.legacy.proto.LegacyProto.SafeIndexOptions;
import io.immudb.legacy.proto.LegacyProto.SafeReferenceOptions;
import io.immudb.legacy.proto.LegacyProto.SafeSetOptions;
import io.immudb.legacy.proto.LegacyProto.SafeSetSVOptions;
import io.immudb.legacy.proto.LegacyProto.SafeZAddOptions;
import io.immudb.legacy.proto.LegacyProto.ScanOptions;
import io.immudb.legacy.proto.LegacyProto.SetActiveUserRequest;
import io.immudb.legacy.proto.LegacyProto.StructuredKeyValue;
import io.immudb.legacy.proto.LegacyProto.ZAddOptions;
import io.immudb.legacy.proto.LegacyProto.ZScanOptions;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A genuine request of every v0.8 RPC (spec v0.8 §4), as immudb4j 0.1.8 or the v0.8 Go SDK sends
 * it, against the data {@link LegacyRpcFuzzTest}'s fixture starts with (keys {@code k} and {@code
 * k2}, member {@code k} of set {@code s}, leaves 0 to 2). The fuzz target's seed corpus is made of
 * them.
 */
final class LegacySeedRequests {
  private LegacySeedRequests() {}

  private static final Map<String, Supplier<Message>> REQUESTS =
      Map.ofEntries(
          Map.entry("ListUsers", Empty::getDefaultInstance),
          Map.entry(
              "CreateUser",
              () ->
                  CreateUserRequest.newBuilder()
                      .setUser(b("newuser"))
                      .setPassword(b(FuzzLegacyHost.PASSWORD))
                      .setPermission(2)
                      .setDatabase("defaultdb")
                      .build()),
          Map.entry(
              "ChangePassword",
              () ->
                  ChangePasswordRequest.newBuilder()
                      .setUser(b("writer"))
                      .setOldPassword(b(FuzzLegacyHost.PASSWORD))
                      .setNewPassword(b("N3wPassw0rd!"))
                      .build()),
          Map.entry("UpdateAuthConfig", () -> AuthConfig.newBuilder().setKind(1).build()),
          Map.entry("UpdateMTLSConfig", () -> MTLSConfig.newBuilder().setEnabled(false).build()),
          Map.entry("PrintTree", Empty::getDefaultInstance),
          Map.entry(
              "Login",
              () ->
                  LoginRequest.newBuilder().setUser(b("immudb")).setPassword(b("immudb")).build()),
          Map.entry("Logout", Empty::getDefaultInstance),
          Map.entry("Set", () -> kv("seed", "value")),
          Map.entry(
              "SetSV",
              () -> StructuredKeyValue.newBuilder().setKey(b("sv")).setValue(content("v")).build()),
          Map.entry(
              "SafeSet",
              () ->
                  SafeSetOptions.newBuilder().setKv(kv("safe", "v")).setRootIndex(idx(2)).build()),
          Map.entry(
              "SafeSetSV",
              () ->
                  SafeSetSVOptions.newBuilder()
                      .setSkv(
                          StructuredKeyValue.newBuilder().setKey(b("sv")).setValue(content("v")))
                      .setRootIndex(idx(2))
                      .build()),
          Map.entry("Get", () -> key("k")),
          Map.entry("GetSV", () -> key("k")),
          Map.entry(
              "SafeGet",
              () -> SafeGetOptions.newBuilder().setKey(b("k")).setRootIndex(idx(1)).build()),
          Map.entry(
              "SafeGetSV",
              () -> SafeGetOptions.newBuilder().setKey(b("k")).setRootIndex(idx(1)).build()),
          Map.entry(
              "SetBatch",
              () -> KVList.newBuilder().addKVs(kv("b1", "1")).addKVs(kv("b2", "2")).build()),
          Map.entry(
              "SetBatchSV",
              () ->
                  SKVList.newBuilder()
                      .addSKVs(
                          StructuredKeyValue.newBuilder().setKey(b("b1")).setValue(content("1")))
                      .build()),
          Map.entry(
              "GetBatch", () -> KeyList.newBuilder().addKeys(key("k")).addKeys(key("k2")).build()),
          Map.entry("GetBatchSV", () -> KeyList.newBuilder().addKeys(key("k")).build()),
          Map.entry(
              "Scan",
              () ->
                  ScanOptions.newBuilder().setPrefix(b("k")).setLimit(10).setReverse(true).build()),
          Map.entry("ScanSV", () -> ScanOptions.newBuilder().setPrefix(b("k")).build()),
          Map.entry("Count", () -> KeyPrefix.newBuilder().setPrefix(b("k")).build()),
          Map.entry("CurrentRoot", Empty::getDefaultInstance),
          Map.entry("Inclusion", () -> idx(1)),
          Map.entry("Consistency", () -> idx(1)),
          Map.entry("ByIndex", () -> idx(0)),
          Map.entry(
              "BySafeIndex",
              () -> SafeIndexOptions.newBuilder().setIndex(1).setRootIndex(idx(1)).build()),
          Map.entry("ByIndexSV", () -> idx(0)),
          Map.entry("History", () -> key("k")),
          Map.entry("HistorySV", () -> key("k")),
          Map.entry("Health", Empty::getDefaultInstance),
          Map.entry(
              "Reference",
              () -> ReferenceOptions.newBuilder().setReference(b("ref")).setKey(b("k")).build()),
          Map.entry(
              "SafeReference",
              () ->
                  SafeReferenceOptions.newBuilder()
                      .setRo(ReferenceOptions.newBuilder().setReference(b("sref")).setKey(b("k2")))
                      .setRootIndex(idx(2))
                      .build()),
          Map.entry("ZAdd", () -> zadd("s", 2.5, "k2")),
          Map.entry(
              "ZScan",
              () -> ZScanOptions.newBuilder().setSet(b("s")).setLimit(10).setReverse(true).build()),
          Map.entry("ZScanSV", () -> ZScanOptions.newBuilder().setSet(b("s")).build()),
          Map.entry(
              "SafeZAdd",
              () ->
                  SafeZAddOptions.newBuilder()
                      .setZopts(ZAddOptions.newBuilder().setSet(b("s2")).setScore(1).setKey(b("k")))
                      .setRootIndex(idx(2))
                      .build()),
          Map.entry(
              "IScan", () -> IScanOptions.newBuilder().setPageSize(2).setPageNumber(2).build()),
          Map.entry(
              "IScanSV", () -> IScanOptions.newBuilder().setPageSize(2).setPageNumber(1).build()),
          Map.entry("Dump", Empty::getDefaultInstance),
          Map.entry(
              "CreateDatabase", () -> Database.newBuilder().setDatabasename("seeddb").build()),
          Map.entry("UseDatabase", () -> Database.newBuilder().setDatabasename("otherdb").build()),
          Map.entry(
              "ChangePermission",
              () ->
                  ChangePermissionRequest.newBuilder()
                      .setUsername("reader")
                      .setDatabase("otherdb")
                      .setPermission(1)
                      .build()),
          Map.entry(
              "SetActiveUser",
              () ->
                  SetActiveUserRequest.newBuilder().setUsername("reader").setActive(true).build()),
          Map.entry("DatabaseList", Empty::getDefaultInstance));

  /** The seed request of the RPC named {@code method}. */
  static Message of(String method) {
    Supplier<Message> s = REQUESTS.get(method);
    if (s == null) {
      throw new IllegalArgumentException("no seed request for " + method);
    }
    return s.get();
  }

  static ByteString b(String s) {
    return ByteString.copyFromUtf8(s);
  }

  static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(b(k)).setValue(b(v)).build();
  }

  static ZAddOptions zadd(String set, double score, String key) {
    return ZAddOptions.newBuilder().setSet(b(set)).setScore(score).setKey(b(key)).build();
  }

  private static Key key(String k) {
    return Key.newBuilder().setKey(b(k)).build();
  }

  private static Index idx(long i) {
    return Index.newBuilder().setIndex(i).build();
  }

  private static Content content(String payload) {
    return Content.newBuilder().setTimestamp(1600000000L).setPayload(b(payload)).build();
  }
}
