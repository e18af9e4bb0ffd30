package io.immudb.server.auth;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One version of a user record as stored in {@code systemdb}. Immutable and thread-safe.
 *
 * @param username the user name
 * @param passwordHash bcrypt hash of the password (never the password)
 * @param permissions at most one entry per database, in the order they were granted
 * @param active whether the user may log in
 * @param createdBy name of the user who created this one ({@code ""} for {@code immudb})
 * @param createdAt creation time
 */
public record User(
    String username,
    String passwordHash,
    List<UserPermission> permissions,
    boolean active,
    String createdBy,
    Instant createdAt) {
  /** Name of the built-in sysadmin. */
  public static final String SYSADMIN_NAME = "immudb";

  public User {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    permissions = List.copyOf(permissions);
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether this is the sysadmin: only the user literally named {@code immudb} (spec v1 §9.4). */
  public boolean isSysadmin() {
    return SYSADMIN_NAME.equals(username);
  }

  /** The permission held on {@code database}, or {@link Permission#NONE}. */
  public int permissionOn(String database) {
    for (UserPermission p : permissions) {
      if (p.database().equals(database)) {
        return p.permission();
      }
    }
    return Permission.NONE;
  }

  /** Whether this user is admin (254) of at least one database. */
  public boolean isAdminSomewhere() {
    return permissions.stream().anyMatch(p -> p.permission() == Permission.ADMIN);
  }

  /**
   * {@code createdAt} as Go's {@code time.Time.String()} prints it in UTC, which is what {@code
   * ListUsers} sends (spec v1 §9.7.3), e.g. {@code 2021-09-18 21:20:00.123456789 +0000 UTC};
   * trailing zeros of the fraction are dropped, and the fraction entirely when it is zero.
   */
  public String createdAtText() {
    LocalDateTime t = LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC);
    String frac = "";
    if (t.getNano() != 0) {
      frac = String.format(Locale.ROOT, ".%09d", t.getNano()).replaceAll("0+$", "");
    }
    return String.format(
        Locale.ROOT,
        "%04d-%02d-%02d %02d:%02d:%02d%s +0000 UTC",
        t.getYear(),
        t.getMonthValue(),
        t.getDayOfMonth(),
        t.getHour(),
        t.getMinute(),
        t.getSecond(),
        frac);
  }

  User withPasswordHash(String hash) {
    return new User(username, hash, permissions, active, createdBy, createdAt);
  }

  User withPermissions(List<UserPermission> ps) {
    return new User(username, passwordHash, ps, active, createdBy, createdAt);
  }

  User withActive(boolean a) {
    return new User(username, passwordHash, permissions, a, createdBy, createdAt);
  }

  @Override
  public String toString() {
    return "User{" + username + ", permissions=" + permissions + ", active=" + active + "}";
  }
}
