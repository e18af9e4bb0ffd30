package io.immudb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodPermissionsTest {
  private static void denied(String method, int permission) {
    assertThatThrownBy(() -> MethodPermissions.check(method, permission, false))
        .isInstanceOf(AuthException.class)
        .hasMessage("permission denied");
  }

  private static void allowed(String method, int permission, boolean sysadmin) {
    assertThatCode(() -> MethodPermissions.check(method, permission, sysadmin))
        .doesNotThrowAnyException();
  }

  @Test
  void getAllNeedsReadWrite() {
    denied("GetAll", Permission.READ);
    denied("GetAll", Permission.NONE);
    allowed("GetAll", Permission.READ_WRITE, false);
    allowed("GetAll", Permission.ADMIN, false);
    allowed("GetAll", Permission.NONE, true);
  }

  @Test
  void readMethods() {
    allowed("Get", Permission.READ, false);
    allowed("streamHistory", Permission.READ, false);
    denied("Get", Permission.NONE);
    denied("Set", Permission.READ);
    denied("streamExecAll", Permission.READ);
  }

  @Test
  void compactIndexNeedsAdmin() {
    denied("CompactIndex", Permission.READ_WRITE);
    allowed("CompactIndex", Permission.ADMIN, false);
    allowed("CompactIndex", Permission.NONE, true);
  }

  @Test
  void createDatabaseIsSysadminOnly() {
    assertThatThrownBy(() -> MethodPermissions.check("CreateDatabase", Permission.ADMIN, false))
        .isInstanceOfSatisfying(
            AuthException.class,
            e -> assertThat(e.kind()).isEqualTo(AuthException.Kind.NOT_SYSADMIN))
        .hasMessage("Logged In user does not have permissions for this operation");
    allowed("CreateDatabase", Permission.NONE, true);
  }

  @Test
  void loggedInAndOpenMethods() {
    allowed("ListUsers", Permission.NONE, false);
    allowed("UseDatabase", Permission.NONE, false);
    allowed("Health", Permission.NONE, false);
    denied("NoSuchMethod", Permission.ADMIN);
  }

  @Test
  void databaseChecks() {
    assertThatThrownBy(() -> MethodPermissions.check("Get", "systemdb", Permission.NONE, true))
        .hasMessage("permission denied");
    assertThatThrownBy(() -> MethodPermissions.check("Get", "", Permission.READ, false))
        .hasMessage("please select a database first");
    assertThatCode(() -> MethodPermissions.check("ListUsers", null, Permission.NONE, false))
        .doesNotThrowAnyException();
    assertThatCode(() -> MethodPermissions.check("Get", "db1", Permission.READ, false))
        .doesNotThrowAnyException();
  }

  @Test
  void everyClientAndStreamingMethodIsListed() {
    List<String> all =
        List.of(
            "Login",
            "Logout",
            "CreateDatabase",
            "UseDatabase",
            "DatabaseList",
            "CreateUser",
            "ListUsers",
            "ChangePassword",
            "ChangePermission",
            "SetActiveUser",
            "UpdateAuthConfig",
            "UpdateMTLSConfig",
            "Health",
            "CurrentState",
            "Set",
            "Get",
            "GetAll",
            "VerifiableSet",
            "VerifiableGet",
            "ExecAll",
            "Scan",
            "Count",
            "CountAll",
            "History",
            "TxById",
            "VerifiableTxById",
            "TxScan",
            "SetReference",
            "VerifiableSetReference",
            "ZAdd",
            "VerifiableZAdd",
            "ZScan",
            "CompactIndex",
            "SQLExec",
            "SQLQuery",
            "ListTables",
            "DescribeTable",
            "VerifiableSQLGet",
            "UseSnapshot",
            "streamGet",
            "streamSet",
            "streamVerifiableGet",
            "streamVerifiableSet",
            "streamScan",
            "streamZScan",
            "streamHistory",
            "streamExecAll",
            // this server's backup extensions
            "ExportTxs",
            "ImportDatabase",
            "FlushIndex");
    assertThat(MethodPermissions.methods()).containsExactlyInAnyOrderElementsOf(all);
  }
}
