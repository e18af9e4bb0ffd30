package io.immudb.bench.load;

import java.util.Locale;

/**
 * Builds one flat JSON object on one line, fields in insertion order. Values are numbers, booleans
 * or strings; a non-finite double is written as {@code null}.
 *
 * <p>Not thread-safe.
 */
public final class JsonLine {
  private final StringBuilder sb = new StringBuilder("{");

  public JsonLine put(String name, String value) {
    key(name);
    quote(value);
    return this;
  }

  public JsonLine put(String name, long value) {
    key(name);
    sb.append(value);
    return this;
  }

  public JsonLine put(String name, boolean value) {
    key(name);
    sb.append(value);
    return this;
  }

  /** Writes {@code value} rounded to {@code decimals} places. */
  public JsonLine put(String name, double value, int decimals) {
    key(name);
    if (Double.isFinite(value)) {
      sb.append(String.format(Locale.ROOT, "%." + decimals + "f", value));
    } else {
      sb.append("null");
    }
    return this;
  }

  @Override
  public String toString() {
    return sb + "}";
  }

  private void key(String name) {
    if (sb.length() > 1) {
      sb.append(',');
    }
    quote(name);
    sb.append(':');
  }

  private void quote(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
