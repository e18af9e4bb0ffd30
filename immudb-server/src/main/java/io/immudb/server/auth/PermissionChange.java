package io.immudb.server.auth;

import io.immudb.server.auth.UserException.Kind;
import io.immudb.server.db.DatabaseNames;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code ChangePermission} request (spec v1 §9.5, §9.7.3), checked in immudb's order and
 * applied to the target's record. Used by {@link UserStore}; confined to the calling thread.
 */
final class PermissionChange {
  private final UserStore users;
  private final UserRecords records;
  private final Object lock;

  PermissionChange(UserStore users, UserRecords records, Object lock) {
    this.users = users;
    this.records = records;
    this.lock = lock;
  }

  void apply(
      String caller, PermissionAction action, String username, String database, int permission) {
    if (username == null || username.isEmpty()) {
      throw invalid("username can not be empty");
    }
    if (database == null || database.isEmpty()) {
      throw invalid("database can not be empty");
    }
    if (action == null) {
      throw invalid("action not recognized");
    }
    if (!Permission.isKnown(permission) || permission == Permission.SYSADMIN) {
      throw invalid("unrecognized permission");
    }
    User c = users.callerRecord(caller);
    if (username.equals(caller)) {
      throw invalid("changing your own permissions is not allowed");
    }
    if (User.SYSADMIN_NAME.equals(username)) {
      throw invalid("changing sysadmin permisions is not allowed");
    }
    if (DatabaseNames.SYSTEMDB.equals(database)
        && action == PermissionAction.GRANT
        && permission == Permission.READ_WRITE) {
      throw new UserException(Kind.PERMISSION_DENIED, "permission denied");
    }
    if (!c.isSysadmin() && c.permissionOn(database) != Permission.ADMIN) {
      throw new UserException(
          Kind.NOT_ADMIN_ON_DATABASE, "you do not have permission on this database");
    }
    synchronized (lock) {
      User target =
          records
              .get(username)
              .orElseThrow(
                  () -> new UserException(Kind.USER_NOT_FOUND, "user " + username + " not found"));
      if (!target.active()) {
        throw new UserException(Kind.USER_INACTIVE, "user " + username + " is not active");
      }
      // GRANT updates an existing entry in place, so the order of DatabaseList stays stable.
      List<UserPermission> ps = new ArrayList<>();
      boolean granted = false;
      for (UserPermission p : target.permissions()) {
        if (!p.database().equals(database)) {
          ps.add(p);
        } else if (action == PermissionAction.GRANT) {
          ps.add(new UserPermission(database, permission));
          granted = true;
        }
      }
      if (action == PermissionAction.GRANT && !granted) {
        ps.add(new UserPermission(database, permission));
      }
      records.put(target.withPermissions(ps));
    }
  }

  private static UserException invalid(String text) {
    return new UserException(Kind.INVALID_PERMISSION_CHANGE, text);
  }
}
