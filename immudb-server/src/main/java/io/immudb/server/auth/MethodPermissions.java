package io.immudb.server.auth;

import io.immudb.server.db.DatabaseNames;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * immudb's method-permission table (spec v1 §9.4) as data: every RPC of spec v1 §9.7.1 and the
 * streaming RPCs of §12, plus this server's backup extensions (ExportTxs, ImportDatabase,
 * FlushIndex), by their case-sensitive gRPC method names. Stateless and thread-safe.
 *
 * <p>{@code UpdateAuthConfig} and {@code UpdateMTLSConfig} are {@link Requirement#LOGGED_IN}: they
 * always fail with "operation not supported" (spec v1 §9.7.3), so no permission is checked first.
 */
public final class MethodPermissions {
  private static final Map<String, Requirement> TABLE = build();

  private MethodPermissions() {}

  private static Map<String, Requirement> build() {
    Map<String, Requirement> m = new HashMap<>();
    put(m, Requirement.NONE, "Health", "Login");
    put(
        m,
        Requirement.READ,
        "Get",
        "VerifiableGet",
        "Scan",
        "ZScan",
        "History",
        "TxById",
        "VerifiableTxById",
        "TxScan",
        "Count",
        "CountAll",
        "CurrentState",
        "UseSnapshot",
        "SQLQuery",
        "ListTables",
        "DescribeTable",
        "VerifiableSQLGet",
        "streamGet",
        "streamVerifiableGet",
        "streamScan",
        "streamZScan",
        "streamHistory");
    put(
        m,
        Requirement.READ_WRITE,
        "Set",
        "VerifiableSet",
        "GetAll",
        "ExecAll",
        "SetReference",
        "VerifiableSetReference",
        "ZAdd",
        "VerifiableZAdd",
        "SQLExec",
        "streamSet",
        "streamVerifiableSet",
        "streamExecAll");
    put(m, Requirement.ADMIN, "CompactIndex", "FlushIndex", "ExportTxs");
    put(
        m,
        Requirement.LOGGED_IN,
        "DatabaseList",
        "ListUsers",
        "CreateUser",
        "ChangePassword",
        "ChangePermission",
        "SetActiveUser",
        "Logout",
        "UseDatabase",
        "UpdateAuthConfig",
        "UpdateMTLSConfig");
    put(m, Requirement.SYSADMIN, "CreateDatabase", "ImportDatabase");
    return Map.copyOf(m);
  }

  private static void put(Map<String, Requirement> m, Requirement r, String... methods) {
    for (String method : methods) {
      m.put(method, r);
    }
  }

  /** What {@code method} requires, or empty for a method not in the table. */
  public static Optional<Requirement> requirement(String method) {
    return Optional.ofNullable(TABLE.get(method));
  }

  /** Every method name in the table. */
  public static java.util.Set<String> methods() {
    return TABLE.keySet();
  }

  /**
   * Checks that a caller holding {@code permission} on its selected database may call {@code
   * method}.
   *
   * @throws AuthException {@code PERMISSION_DENIED} for an unknown method or a permission outside
   *     the method's set; {@code NOT_SYSADMIN} for a sysadmin-only method (immudb's own text)
   */
  public static void check(String method, int permission, boolean sysadmin) {
    Requirement r = TABLE.get(method);
    if (r == null) {
      throw new AuthException(AuthException.Kind.PERMISSION_DENIED);
    }
    boolean allowed =
        switch (r) {
          case NONE, LOGGED_IN -> true;
          case READ ->
              sysadmin
                  || permission == Permission.READ
                  || permission == Permission.READ_WRITE
                  || permission == Permission.ADMIN;
          case READ_WRITE ->
              sysadmin || permission == Permission.READ_WRITE || permission == Permission.ADMIN;
          case ADMIN -> sysadmin || permission == Permission.ADMIN;
          case SYSADMIN -> sysadmin;
        };
    if (!allowed) {
      throw new AuthException(
          r == Requirement.SYSADMIN
              ? AuthException.Kind.NOT_SYSADMIN
              : AuthException.Kind.PERMISSION_DENIED);
    }
  }

  /**
   * {@link #check(String, int, boolean)} preceded by the database checks of spec v1 §9.3: a
   * database-scoped method needs a selected database other than {@code systemdb}.
   *
   * @param database the token's database, or {@code null} / empty when none is selected
   * @throws AuthException {@code NO_DATABASE_SELECTED} or {@code PERMISSION_DENIED}
   */
  public static void check(String method, String database, int permission, boolean sysadmin) {
    Requirement r = TABLE.get(method);
    if (r != null && r.databaseScoped()) {
      if (database == null || database.isEmpty()) {
        throw new AuthException(AuthException.Kind.NO_DATABASE_SELECTED);
      }
      if (DatabaseNames.SYSTEMDB.equals(database)) {
        throw new AuthException(AuthException.Kind.PERMISSION_DENIED);
      }
    }
    check(method, permission, sysadmin);
  }
}
