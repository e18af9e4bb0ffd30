package io.immudb.server.auth;

/** What a method requires of the caller (spec v1 §9.4). */
public enum Requirement {
  /** No token at all: {@code Health}, {@code Login}. */
  NONE,
  /** A valid login; the method applies its own checks and needs no selected database. */
  LOGGED_IN,
  /** R, RW, admin or sysadmin on the selected database. */
  READ,
  /** RW, admin or sysadmin on the selected database. */
  READ_WRITE,
  /** Admin or sysadmin on the selected database. */
  ADMIN,
  /** The sysadmin only. */
  SYSADMIN;

  /** Whether the method works on the token's selected database. */
  public boolean databaseScoped() {
    return this == READ || this == READ_WRITE || this == ADMIN;
  }
}
