package io.immudb.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses durations as immudb's flags write them, Go style ({@code 24h}, {@code 90m}, {@code 1h30m},
 * {@code 45s}, {@code 500ms}), or in ISO-8601 ({@code PT24H}): the converter of every duration
 * option of the server and the tools. Stateless and thread-safe.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|h|m|s)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /**
   * The duration {@code value} stands for.
   *
   * @throws TypeConversionException if it is not one
   */
  public static Duration parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("pt")) {
      try {
        return Duration.parse(v);
      } catch (RuntimeException e) {
        throw new TypeConversionException("invalid duration '" + value + "'");
      }
    }
    Matcher m = PART.matcher(v);
    Duration total = Duration.ZERO;
    int pos = 0;
    while (pos < v.length() && m.find(pos) && m.start() == pos) {
      long n = Long.parseLong(m.group(1));
      total =
          switch (m.group(2)) {
            case "h" -> total.plusHours(n);
            case "m" -> total.plusMinutes(n);
            case "s" -> total.plusSeconds(n);
            default -> total.plusMillis(n);
          };
      pos = m.end();
    }
    if (v.isEmpty() || pos != v.length()) {
      throw new TypeConversionException(
          "invalid duration '" + value + "' (expected e.g. 24h, 90m, 1h30m, 45s, 500ms)");
    }
    return total;
  }
}
