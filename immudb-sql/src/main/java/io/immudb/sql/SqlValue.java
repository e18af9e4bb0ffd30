package io.immudb.sql;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One SQL value: NULL, or a value of one {@link SqlType}. INTEGER is a signed 64-bit number,
 * TIMESTAMP microseconds since the Unix epoch (UTC), VARCHAR a string, BLOB bytes.
 *
 * <p>Thread-safe (immutable). Bytes are copied in and out. Values of the same type are ordered
 * (strings and blobs as unsigned bytes); NULL has no type and compares with nothing.
 */
public final class SqlValue {
  /** SQL NULL. */
  public static final SqlValue NULL = new SqlValue(null, null);

  private final SqlType type;
  private final Object value; // Long, String, Boolean, byte[], or null

  private SqlValue(SqlType type, Object value) {
    this.type = type;
    this.value = value;
  }

  public static SqlValue ofInteger(long v) {
    return new SqlValue(SqlType.INTEGER, v);
  }

  public static SqlValue ofVarchar(String v) {
    return new SqlValue(SqlType.VARCHAR, Objects.requireNonNull(v, "v"));
  }

  public static SqlValue ofBoolean(boolean v) {
    return new SqlValue(SqlType.BOOLEAN, v);
  }

  public static SqlValue ofBlob(byte[] v) {
    return new SqlValue(SqlType.BLOB, v.clone());
  }

  /** A TIMESTAMP of {@code micros} microseconds since the Unix epoch. */
  public static SqlValue ofTimestamp(long micros) {
    return new SqlValue(SqlType.TIMESTAMP, micros);
  }

  /** The type, or null for NULL. */
  public SqlType type() {
    return type;
  }

  public boolean isNull() {
    return type == null;
  }

  /** The number of an INTEGER or TIMESTAMP. */
  public long asLong() {
    expect(SqlType.INTEGER, SqlType.TIMESTAMP);
    return (Long) value;
  }

  public String asString() {
    expect(SqlType.VARCHAR, SqlType.VARCHAR);
    return (String) value;
  }

  public boolean asBoolean() {
    expect(SqlType.BOOLEAN, SqlType.BOOLEAN);
    return (Boolean) value;
  }

  /** A copy of the bytes of a BLOB. */
  public byte[] asBytes() {
    expect(SqlType.BLOB, SqlType.BLOB);
    return ((byte[]) value).clone();
  }

  /**
   * Compares two non-null values of the same type.
   *
   * @throws SqlException (INVALID_ARGUMENT) if the types differ or either is NULL
   */
  public int compareTo(SqlValue o) {
    if (isNull() || o.isNull() || type != o.type) {
      throw SqlException.invalid(
          "type mismatch: cannot compare " + typeName() + " with " + o.typeName());
    }
    return switch (type) {
      case INTEGER, TIMESTAMP -> Long.compare((Long) value, (Long) o.value);
      case BOOLEAN -> Boolean.compare((Boolean) value, (Boolean) o.value);
      case VARCHAR -> ((String) value).compareTo((String) o.value);
      case BLOB -> Arrays.compareUnsigned((byte[]) value, (byte[]) o.value);
    };
  }

  /** The type's name, or {@code NULL}. */
  public String typeName() {
    return type == null ? "NULL" : type.name();
  }

  private void expect(SqlType a, SqlType b) {
    if (type != a && type != b) {
      throw new IllegalStateException("not a " + a + ": " + this);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SqlValue v) || type != v.type) {
      return false;
    }
    return type == SqlType.BLOB
        ? Arrays.equals((byte[]) value, (byte[]) v.value)
        : Objects.equals(value, v.value);
  }

  @Override
  public int hashCode() {
    return type == SqlType.BLOB ? Arrays.hashCode((byte[]) value) : Objects.hashCode(value);
  }

  @Override
  public String toString() {
    if (type == null) {
      return "NULL";
    }
    return switch (type) {
      case VARCHAR -> "'" + value + "'";
      case BLOB -> "x'" + HexFormat.of().formatHex((byte[]) value) + "'";
      default -> String.valueOf(value);
    };
  }
}
