package io.immudb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.ErrorCode;
import io.immudb.server.auth.UserException.Kind;
import org.junit.jupiter.api.Test;

class UserStoreChangesTest extends UserStoreFixture {
  @Test
  void changePassword() {
    users.create("immudb", "bob", PW, Permission.ADMIN, "defaultdb");
    users.create("bob", "amy", PW, Permission.READ, "defaultdb");
    users.create("immudb", "zed", PW, Permission.READ, "defaultdb");
    assertRefused(
        () -> users.changePassword("amy", "amy", PW, "x"),
        Kind.NOT_ADMIN,
        ErrorCode.PERMISSION_DENIED,
        "user is not system admin nor admin in any of the databases");
    assertRefused(
        () -> users.changePassword("bob", "", PW, "x"),
        Kind.EMPTY_USERNAME,
        ErrorCode.INVALID_ARGUMENT,
        "username can not be empty");
    assertRefused(
        () -> users.changePassword("bob", "zed", PW, "x"),
        Kind.NOT_FOUND_OR_NOT_CREATOR,
        ErrorCode.NOT_FOUND,
        "user zed was not found or it was not created by you");
    assertRefused(
        () -> users.changePassword("immudb", "ghost", PW, "x"),
        Kind.NOT_FOUND_OR_NOT_CREATOR,
        ErrorCode.NOT_FOUND,
        "user ghost was not found or it was not created by you");
    assertRefused(
        () -> users.changePassword("immudb", "immudb", "wrong", "New1!pass"),
        Kind.OLD_PASSWORD_INCORRECT,
        ErrorCode.PERMISSION_DENIED,
        "old password is incorrect");
    assertRefused(
        () -> users.changePassword("bob", "amy", "", ""),
        Kind.EMPTY_PASSWORD,
        ErrorCode.INVALID_ARGUMENT,
        "password is empty");
    ended.clear();
    users.changePassword("bob", "amy", "", "simple");
    assertThat(users.authenticate("amy", "simple").user().username()).isEqualTo("amy");
    assertThat(ended).containsExactly("amy");
    users.changePassword("immudb", "immudb", "immudb", "N3w!pass");
    assertThat(users.authenticate("immudb", "N3w!pass").warning()).isEmpty();
  }

  @Test
  void changePermission() {
    users.create("immudb", "bob", PW, Permission.ADMIN, "defaultdb");
    users.create("immudb", "amy", PW, Permission.READ, "defaultdb");
    Kind inv = Kind.INVALID_PERMISSION_CHANGE;
    ErrorCode ia = ErrorCode.INVALID_ARGUMENT;
    PermissionAction g = PermissionAction.GRANT;
    assertRefused(
        () -> users.changePermission("bob", g, "", "defaultdb", 1),
        inv,
        ia,
        "username can not be empty");
    assertRefused(
        () -> users.changePermission("bob", g, "amy", "", 1), inv, ia, "database can not be empty");
    assertRefused(
        () -> users.changePermission("bob", null, "amy", "defaultdb", 1),
        inv,
        ia,
        "action not recognized");
    assertRefused(
        () -> users.changePermission("bob", g, "amy", "defaultdb", 7),
        inv,
        ia,
        "unrecognized permission");
    assertRefused(
        () -> users.changePermission("bob", g, "bob", "defaultdb", 1),
        inv,
        ia,
        "changing your own permissions is not allowed");
    assertRefused(
        () -> users.changePermission("bob", g, "immudb", "defaultdb", 1),
        inv,
        ia,
        "changing sysadmin permisions is not allowed");
    assertRefused(
        () -> users.changePermission("immudb", g, "amy", "systemdb", 2),
        Kind.PERMISSION_DENIED,
        ErrorCode.PERMISSION_DENIED,
        "permission denied");
    assertRefused(
        () -> users.changePermission("amy", g, "bob", "defaultdb", 1),
        Kind.NOT_ADMIN_ON_DATABASE,
        ErrorCode.PERMISSION_DENIED,
        "you do not have permission on this database");
    assertRefused(
        () -> users.changePermission("bob", g, "ghost", "defaultdb", 1),
        Kind.USER_NOT_FOUND,
        ErrorCode.NOT_FOUND,
        "user ghost not found");
    ended.clear();
    users.changePermission("bob", g, "amy", "defaultdb", Permission.READ_WRITE);
    users.changePermission("immudb", g, "amy", "notadb", Permission.READ);
    assertThat(users.find("amy").orElseThrow().permissions())
        .containsExactly(new UserPermission("defaultdb", 2), new UserPermission("notadb", 1));
    users.changePermission("immudb", PermissionAction.REVOKE, "amy", "defaultdb", 1);
    assertThat(users.find("amy").orElseThrow().permissions())
        .containsExactly(new UserPermission("notadb", 1));
    assertThat(ended).containsExactly("amy", "amy", "amy");
    users.setActive("immudb", "amy", false);
    assertRefused(
        () -> users.changePermission("bob", g, "amy", "defaultdb", 1),
        Kind.USER_INACTIVE,
        ErrorCode.FAILED_PRECONDITION,
        "user amy is not active");
  }

  @Test
  void setActive() {
    users.create("immudb", "bob", PW, Permission.ADMIN, "defaultdb");
    users.create("bob", "amy", PW, Permission.READ, "defaultdb");
    users.create("immudb", "zed", PW, Permission.READ, "defaultdb");
    assertRefused(
        () -> users.setActive("bob", "", false),
        Kind.EMPTY_USERNAME,
        ErrorCode.INVALID_ARGUMENT,
        "username can not be empty");
    assertRefused(
        () -> users.setActive("amy", "zed", false),
        Kind.NOT_ADMIN,
        ErrorCode.PERMISSION_DENIED,
        "user is not system admin nor admin in any of the databases");
    assertRefused(
        () -> users.setActive("bob", "bob", false),
        Kind.OWN_STATUS,
        ErrorCode.INVALID_ARGUMENT,
        "changing your own status is not allowed");
    assertRefused(
        () -> users.setActive("bob", "ghost", false),
        Kind.NO_SUCH_USER,
        ErrorCode.NOT_FOUND,
        "user ghost not found");
    assertRefused(
        () -> users.setActive("bob", "zed", false),
        Kind.NOT_CREATOR,
        ErrorCode.PERMISSION_DENIED,
        "zed was not created by you");
    ended.clear();
    users.setActive("bob", "amy", false);
    assertThat(users.find("amy").orElseThrow().active()).isFalse();
    users.setActive("immudb", "amy", true);
    assertThat(users.find("amy").orElseThrow().active()).isTrue();
    assertThat(ended).containsExactly("amy", "amy");
  }
}
