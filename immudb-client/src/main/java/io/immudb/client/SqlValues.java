package io.immudb.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.NullValue;
import io.immudb.proto.NamedParam;
import io.immudb.proto.SQLValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Java values to and from {@code SQLValue} (spec v1 §11): {@code null} ↔ the {@code null} member,
 * {@code Long}/{@code Integer}/{@code Short}/{@code Byte} → {@code n} (read back as {@code Long}),
 * {@code String} ↔ {@code s}, {@code Boolean} ↔ {@code b}, {@code byte[]} ↔ {@code bs}. Stateless.
 */
final class SqlValues {
  private SqlValues() {}

  /**
   * The wire form of {@code v}.
   *
   * @throws IllegalArgumentException for any other Java type
   */
  static SQLValue toWire(Object v) {
    SQLValue.Builder b = SQLValue.newBuilder();
    if (v == null) {
      return b.setNull(NullValue.NULL_VALUE).build();
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      return b.setN(((Number) v).longValue()).build();
    } else if (v instanceof String s) {
      return b.setS(s).build();
    } else if (v instanceof Boolean x) {
      return b.setB(x).build();
    } else if (v instanceof byte[] bs) {
      return b.setBs(ByteString.copyFrom(bs)).build();
    }
    throw new IllegalArgumentException(
        "a SQL value must be null, Long, Integer, String, Boolean or byte[], not "
            + v.getClass().getName());
  }

  /** The Java value of {@code v}; an unset value is SQL NULL. */
  static Object fromWire(SQLValue v) {
    return switch (v.getValueCase()) {
      case N -> v.getN();
      case S -> v.getS();
      case B -> v.getB();
      case BS -> v.getBs().toByteArray();
      case NULL, VALUE_NOT_SET -> null;
    };
  }

  /** The named parameters of a statement; names may be given with or without the {@code @}. */
  static List<NamedParam> params(Map<String, ?> params) {
    List<NamedParam> out = new ArrayList<>();
    if (params == null) {
      return out;
    }
    params.forEach(
        (name, value) -> {
          if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a parameter needs a name");
          }
          String n = name.startsWith("@") ? name.substring(1) : name;
          try {
            out.add(NamedParam.newBuilder().setName(n).setValue(toWire(value)).build());
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter @" + n + ": " + e.getMessage(), e);
          }
        });
    return out;
  }
}
