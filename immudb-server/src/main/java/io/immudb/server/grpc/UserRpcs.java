package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.immudb.proto.ChangePasswordRequest;
import io.immudb.proto.ChangePermissionRequest;
import io.immudb.proto.CreateUserRequest;
import io.immudb.proto.Permission;
import io.immudb.proto.PermissionAction;
import io.immudb.proto.SetActiveUserRequest;
import io.immudb.proto.UserList;
import io.immudb.server.auth.User;
import io.immudb.server.auth.UserPermission;
import io.immudb.server.auth.UserStore;

/**
 * The user RPCs of spec v1 §9.4 on behalf of the calling user: creating users, listing them,
 * changing passwords and permissions, (de)activating users. {@link UserStore} applies the rules of
 * who may do what to whom; the caller is resolved by {@link Caller} (the sysadmin when auth is
 * off). Errors are {@link io.immudb.core.ImmuException}s, turned into statuses by {@link
 * StatusMapper}. Thread-safe (holds no per-call state).
 */
final class UserRpcs {
  private final UserStore users;
  private final Caller caller;

  UserRpcs(UserStore users, Caller caller) {
    this.users = users;
    this.caller = caller;
  }

  /** {@code CreateUser}. */
  Empty createUser(CreateUserRequest req) {
    users.create(
        caller.username(),
        req.getUser().toStringUtf8(),
        req.getPassword().toStringUtf8(),
        req.getPermission(),
        req.getDatabase());
    return Empty.getDefaultInstance();
  }

  /** {@code ListUsers}: the users the caller may see from the database it works on. */
  UserList listUsers() {
    String current = caller.authEnabled() ? caller.token().database() : "defaultdb";
    UserList.Builder b = UserList.newBuilder();
    for (User u : users.list(caller.username(), current)) {
      io.immudb.proto.User.Builder ub =
          io.immudb.proto.User.newBuilder()
              .setUser(ByteString.copyFromUtf8(u.username()))
              .setCreatedby(u.createdBy())
              .setCreatedat(u.createdAtText())
              .setActive(u.active());
      for (UserPermission p : u.permissions()) {
        ub.addPermissions(
            Permission.newBuilder().setDatabase(p.database()).setPermission(p.permission()));
      }
      b.addUsers(ub);
    }
    return b.build();
  }

  /** {@code ChangePassword}. */
  Empty changePassword(ChangePasswordRequest req) {
    users.changePassword(
        caller.username(),
        req.getUser().toStringUtf8(),
        req.getOldPassword().toStringUtf8(),
        req.getNewPassword().toStringUtf8());
    return Empty.getDefaultInstance();
  }

  /** {@code ChangePermission}: any action other than REVOKE grants. */
  Empty changePermission(ChangePermissionRequest req) {
    io.immudb.server.auth.PermissionAction action =
        req.getAction() == PermissionAction.REVOKE
            ? io.immudb.server.auth.PermissionAction.REVOKE
            : io.immudb.server.auth.PermissionAction.GRANT;
    users.changePermission(
        caller.username(), action, req.getUsername(), req.getDatabase(), req.getPermission());
    return Empty.getDefaultInstance();
  }

  /** {@code SetActiveUser}. */
  Empty setActiveUser(SetActiveUserRequest req) {
    users.setActive(caller.username(), req.getUsername(), req.getActive());
    return Empty.getDefaultInstance();
  }
}
