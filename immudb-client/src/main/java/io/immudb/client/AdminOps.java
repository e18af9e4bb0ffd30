package io.immudb.client;

import static io.immudb.client.Requests.bytes;
import static io.immudb.client.Requests.utf8;

import com.google.protobuf.Empty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrative calls of {@link ImmuClient}: users and their permissions, databases, and the
 * server's health and index maintenance. The server checks who may make each. Thread-safe
 * (stateless over the shared {@link Connection}).
 */
final class AdminOps {
  private final Connection conn;

  AdminOps(Connection conn) {
    this.conn = conn;
  }

  // ------------------------------------------------------------------ databases and server

  void createDatabase(String name) {
    conn.call(
        s -> s.createDatabase(io.immudb.proto.Database.newBuilder().setDatabaseName(name).build()));
  }

  List<String> databases() {
    return conn.call(s -> s.databaseList(Empty.getDefaultInstance())).getDatabasesList().stream()
        .map(io.immudb.proto.Database::getDatabaseName)
        .toList();
  }

  ImmuClient.Health health() {
    io.immudb.proto.HealthResponse r = conn.call(s -> s.health(Empty.getDefaultInstance()));
    return new ImmuClient.Health(r.getStatus(), r.getVersion());
  }

  void compactIndex() {
    conn.call(s -> s.compactIndex(Empty.getDefaultInstance()));
  }

  void flushIndex() {
    conn.call(s -> s.flushIndex(io.immudb.proto.FlushIndexRequest.getDefaultInstance()));
  }

  // ------------------------------------------------------------------ users

  void createUser(String user, String password, Permission permission, String database) {
    conn.call(
        s ->
            s.createUser(
                io.immudb.proto.CreateUserRequest.newBuilder()
                    .setUser(bytes(utf8(user)))
                    .setPassword(bytes(utf8(password)))
                    .setPermission(permission.code())
                    .setDatabase(database)
                    .build()));
  }

  List<User> listUsers() {
    List<User> out = new ArrayList<>();
    for (io.immudb.proto.User u :
        conn.call(s -> s.listUsers(Empty.getDefaultInstance())).getUsersList()) {
      Map<String, Permission> perms = new LinkedHashMap<>();
      u.getPermissionsList()
          .forEach(p -> perms.put(p.getDatabase(), Permission.ofCode(p.getPermission())));
      out.add(
          new User(
              u.getUser().toStringUtf8(),
              perms,
              u.getCreatedby(),
              u.getCreatedat(),
              u.getActive()));
    }
    return out;
  }

  void changePassword(String user, String oldPassword, String newPassword) {
    conn.call(
        s ->
            s.changePassword(
                io.immudb.proto.ChangePasswordRequest.newBuilder()
                    .setUser(bytes(utf8(user)))
                    .setOldPassword(bytes(utf8(oldPassword)))
                    .setNewPassword(bytes(utf8(newPassword)))
                    .build()));
  }

  /** Grants or revokes {@code p} on {@code database} for {@code user}. */
  void changePermission(
      io.immudb.proto.PermissionAction action, String user, String database, Permission p) {
    conn.call(
        s ->
            s.changePermission(
                io.immudb.proto.ChangePermissionRequest.newBuilder()
                    .setAction(action)
                    .setUsername(user)
                    .setDatabase(database)
                    .setPermission(p.code())
                    .build()));
  }

  void setActiveUser(String user, boolean active) {
    conn.call(
        s ->
            s.setActiveUser(
                io.immudb.proto.SetActiveUserRequest.newBuilder()
                    .setUsername(user)
                    .setActive(active)
                    .build()));
  }
}
