package io.immudb.client;

/** A user's permission on a database (spec v1 §9.4), with its wire number. */
public enum Permission {
  NONE(0),
  READ(1),
  READ_WRITE(2),
  ADMIN(254),
  SYSADMIN(255);

  private final int code;

  Permission(int code) {
    this.code = code;
  }

  /** The number sent on the wire. */
  public int code() {
    return code;
  }

  /**
   * The permission with wire number {@code code}.
   *
   * @throws IllegalArgumentException for an unknown number
   */
  public static Permission ofCode(int code) {
    for (Permission p : values()) {
      if (p.code == code) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown permission " + code);
  }
}
