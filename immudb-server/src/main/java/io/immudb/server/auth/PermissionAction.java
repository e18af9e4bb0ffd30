package io.immudb.server.auth;

/** What {@code ChangePermission} does (spec v1 §9.7.3). Wire numbers: GRANT = 0, REVOKE = 1. */
public enum PermissionAction {
  /** Replace any permission of the user on the database with the given one. */
  GRANT,
  /** Remove the user's permission on the database. */
  REVOKE
}
