package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;
import io.immudb.sql.SqlValue;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Checks a value against the column it goes into: its type (a VARCHAR {@code 'YYYY-MM-DD
 * HH:MM:SS[.ffffff]'} is taken for a TIMESTAMP, UTC), NOT NULL and the declared maximum length
 * (UTF-8 bytes for VARCHAR). Stateless.
 */
final class Values {
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]");

  private Values() {}

  static SqlValue coerce(TableDef t, ColumnDef c, SqlValue v) {
    if (v.isNull()) {
      if (c.notNull()) {
        throw SqlException.invalid("column " + t.name() + "." + c.name() + " cannot be NULL");
      }
      return v;
    }
    if (c.type() == SqlType.TIMESTAMP && v.type() == SqlType.VARCHAR) {
      try {
        LocalDateTime d = LocalDateTime.parse(v.asString(), TS);
        long s = d.toEpochSecond(ZoneOffset.UTC);
        return SqlValue.ofTimestamp(s * 1_000_000L + d.getNano() / 1000);
      } catch (DateTimeParseException e) {
        throw SqlException.invalid(
            "column " + t.name() + "." + c.name() + ": not a timestamp: " + v);
      }
    }
    if (v.type() != c.type()) {
      throw SqlException.invalid(
          "type mismatch: column "
              + t.name()
              + "."
              + c.name()
              + " is "
              + c.type()
              + ", got "
              + v.typeName());
    }
    if (c.maxLen() > 0) {
      int len =
          v.type() == SqlType.VARCHAR
              ? v.asString().getBytes(StandardCharsets.UTF_8).length
              : v.asBytes().length;
      if (len > c.maxLen()) {
        throw SqlException.invalid(
            "value too long for column "
                + t.name()
                + "."
                + c.name()
                + " "
                + c.typeText()
                + ": "
                + len
                + " bytes");
      }
    }
    return v;
  }
}
