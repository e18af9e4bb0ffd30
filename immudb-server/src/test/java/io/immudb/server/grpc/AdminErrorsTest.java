package io.immudb.server.grpc;

import static io.immudb.server.grpc.InProcessImmudb.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.Status.Code;
import io.immudb.proto.ChangePasswordRequest;
import io.immudb.proto.ChangePermissionRequest;
import io.immudb.proto.CreateUserRequest;
import io.immudb.proto.Database;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.PermissionAction;
import io.immudb.proto.SetActiveUserRequest;
import io.immudb.proto.User;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database and user management refuse bad requests with immudb's texts (spec v1 §9.4, §9.5) and
 * meaningful codes, and change nothing; over an in-process server with auth on.
 */
class AdminErrorsTest {
  private static final String STRONG = "Str0ng!pass";

  @TempDir Path tmp;
  private InProcessImmudb immudb;
  private ImmuServiceBlockingStub admin;

  @BeforeEach
  void start() throws Exception {
    immudb = InProcessImmudb.start(tmp, false);
    admin = immudb.login("immudb", "immudb");
  }

  @AfterEach
  void stop() throws Exception {
    immudb.close();
  }

  private static Database db(String name) {
    return Database.newBuilder().setDatabaseName(name).build();
  }

  private static CreateUserRequest user(String name, String password, int permission, String db) {
    return CreateUserRequest.newBuilder()
        .setUser(ByteString.copyFromUtf8(name))
        .setPassword(ByteString.copyFromUtf8(password))
        .setPermission(permission)
        .setDatabase(db)
        .build();
  }

  private List<String> databases() {
    return admin.databaseList(Empty.getDefaultInstance()).getDatabasesList().stream()
        .map(Database::getDatabaseName)
        .toList();
  }

  private List<String> users() {
    return admin.listUsers(Empty.getDefaultInstance()).getUsersList().stream()
        .map(u -> u.getUser().toStringUtf8())
        .toList();
  }

  @Test
  void badDatabaseNamesAreRefusedInImmudbsOrder() {
    fails(
        () -> admin.createDatabase(db("systemdb")),
        Code.INVALID_ARGUMENT,
        "this database name is reserved");
    fails(
        () -> admin.createDatabase(db("MyDb")),
        Code.INVALID_ARGUMENT,
        "provide a lowercase database name");
    fails(
        () -> admin.createDatabase(db("")),
        Code.INVALID_ARGUMENT,
        "database name length outside of limits");
    fails(
        () -> admin.createDatabase(db("a".repeat(129))),
        Code.INVALID_ARGUMENT,
        "database name length outside of limits");
    fails(
        () -> admin.createDatabase(db("my-db")),
        Code.INVALID_ARGUMENT,
        "punctuation marks and symbols are not allowed in database name");
    fails(
        () -> admin.createDatabase(db("my db")),
        Code.INVALID_ARGUMENT,
        "unrecognized character in database name");
    fails(
        () -> admin.createDatabase(db("defaultdb")),
        Code.ALREADY_EXISTS,
        "database 'defaultdb' already exists");
    fails(() -> admin.useDatabase(db("nope")), Code.NOT_FOUND, "'nope' does not exist");
    assertThat(databases()).containsExactly("defaultdb");

    admin.createDatabase(db("a".repeat(128)));
    assertThat(databases()).containsExactly("defaultdb", "a".repeat(128));
  }

  @Test
  void badNewUsersAreRefusedAndNotCreated() {
    fails(
        () -> admin.createUser(user("", STRONG, 1, "defaultdb")),
        Code.INVALID_ARGUMENT,
        "username can not be empty");
    fails(
        () -> admin.createUser(user("bob", STRONG, 1, "nodb")),
        Code.NOT_FOUND,
        "database nodb does not exist");
    fails(
        () -> admin.createUser(user("bob", STRONG, 7, "defaultdb")),
        Code.INVALID_ARGUMENT,
        "unrecognized permission");
    fails(
        () -> admin.createUser(user("bob", STRONG, 255, "defaultdb")),
        Code.INVALID_ARGUMENT,
        "can not create another system admin");
    fails(
        () -> admin.createUser(user("bob smith", STRONG, 1, "defaultdb")),
        Code.INVALID_ARGUMENT,
        "username can only contain letters, digits and underscores");
    for (String weak :
        List.of(
            "Sh0rt!a",
            "nouppercase1!",
            "NoDigits!!",
            "NoSymbol123",
            "With space1!A",
            STRONG.repeat(3))) {
      fails(
          () -> admin.createUser(user("bob", weak, 1, "defaultdb")),
          Code.INVALID_ARGUMENT,
          "password must have between 8 and 32 letters, digits and special characters of which at"
              + " least 1 uppercase letter, 1 digit and 1 special character");
    }
    fails(
        () -> admin.createUser(user("immudb", STRONG, 1, "defaultdb")),
        Code.ALREADY_EXISTS,
        "user already exists");
    assertThat(users()).containsExactly("immudb");

    admin.createDatabase(db("second"));
    fails(
        () -> admin.createUser(user("bob", STRONG, 1, "")),
        Code.INVALID_ARGUMENT,
        "database name can not be empty when there are multiple databases");
    assertThat(users()).containsExactly("immudb");
  }

  @Test
  void permissionPasswordAndStatusChangesAreChecked() {
    admin.createUser(user("alice", STRONG, 2, "defaultdb"));
    ImmuServiceBlockingStub alice = immudb.login("alice", STRONG);

    fails(
        () ->
            admin.changePermission(
                ChangePermissionRequest.newBuilder()
                    .setAction(PermissionAction.GRANT)
                    .setUsername("immudb")
                    .setDatabase("defaultdb")
                    .setPermission(1)
                    .build()),
        Code.INVALID_ARGUMENT,
        "changing your own permissions is not allowed");
    fails(
        () ->
            admin.changePermission(
                ChangePermissionRequest.newBuilder()
                    .setAction(PermissionAction.GRANT)
                    .setUsername("ghost")
                    .setDatabase("defaultdb")
                    .setPermission(1)
                    .build()),
        Code.NOT_FOUND,
        "user ghost not found");
    fails(
        () ->
            admin.changePermission(
                ChangePermissionRequest.newBuilder()
                    .setAction(PermissionAction.GRANT)
                    .setUsername("alice")
                    .setDatabase("")
                    .setPermission(1)
                    .build()),
        Code.INVALID_ARGUMENT,
        "database can not be empty");
    fails(
        () ->
            alice.changePermission(
                ChangePermissionRequest.newBuilder()
                    .setAction(PermissionAction.GRANT)
                    .setUsername("alice")
                    .setDatabase("defaultdb")
                    .setPermission(254)
                    .build()),
        Code.INVALID_ARGUMENT,
        "changing your own permissions is not allowed");

    fails(
        () ->
            admin.changePassword(
                ChangePasswordRequest.newBuilder()
                    .setUser(ByteString.copyFromUtf8("immudb"))
                    .setOldPassword(ByteString.copyFromUtf8("wrong"))
                    .setNewPassword(ByteString.copyFromUtf8(STRONG))
                    .build()),
        Code.PERMISSION_DENIED,
        "old password is incorrect");
    fails(
        () ->
            admin.changePassword(
                ChangePasswordRequest.newBuilder()
                    .setUser(ByteString.copyFromUtf8("alice"))
                    .setNewPassword(ByteString.EMPTY)
                    .build()),
        Code.INVALID_ARGUMENT,
        "password is empty");
    fails(
        () ->
            alice.setActiveUser(
                SetActiveUserRequest.newBuilder().setUsername("immudb").setActive(false).build()),
        Code.PERMISSION_DENIED,
        "user is not system admin nor admin in any of the databases");
    fails(
        () ->
            admin.setActiveUser(
                SetActiveUserRequest.newBuilder().setUsername("immudb").setActive(false).build()),
        Code.INVALID_ARGUMENT,
        "changing your own status is not allowed");
    fails(
        () -> alice.createDatabase(db("mine")),
        Code.PERMISSION_DENIED,
        "Logged In user does not have permissions for this operation");

    // Nothing changed: both still log in with their passwords, alice still has RW only.
    immudb.login("immudb", "immudb");
    User a =
        admin.listUsers(Empty.getDefaultInstance()).getUsersList().stream()
            .filter(u -> u.getUser().toStringUtf8().equals("alice"))
            .findFirst()
            .orElseThrow();
    assertThat(a.getActive()).isTrue();
    assertThat(a.getPermissionsList())
        .extracting(p -> p.getDatabase() + ":" + p.getPermission())
        .containsExactly("defaultdb:2");
    assertThat(databases()).containsExactly("defaultdb");
  }
}
