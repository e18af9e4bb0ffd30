package io.immudb.server.auth;

import java.util.Objects;

/**
 * One permission a user holds on one database. Immutable and thread-safe.
 *
 * @param database the database name ({@code "*"} for the sysadmin entry)
 * @param permission a {@link Permission} number
 */
public record UserPermission(String database, int permission) {
  public UserPermission {
    Objects.requireNonNull(database, "database");
  }
}
