package io.immudb.server.auth;

/**
 * immudb's permission numbers (spec v1 §9.4). A user holds at most one per database; {@link
 * #SYSADMIN} is held only by {@code immudb}, on database {@code "*"}. Stateless and thread-safe.
 */
public final class Permission {
  /** No permission. */
  public static final int NONE = 0;

  /** Read (R). */
  public static final int READ = 1;

  /** Read-write (RW). */
  public static final int READ_WRITE = 2;

  /** Admin of one database. */
  public static final int ADMIN = 254;

  /** System administrator. */
  public static final int SYSADMIN = 255;

  /** The database name the sysadmin permission is recorded on. */
  public static final String ALL_DATABASES = "*";

  private Permission() {}

  /** Whether {@code p} is one of 1, 2, 254, 255. */
  public static boolean isKnown(int p) {
    return p == READ || p == READ_WRITE || p == ADMIN || p == SYSADMIN;
  }
}
