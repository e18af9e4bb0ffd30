package io.immudb.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Text and number formatting for XML and HTML output.
 *
 * <p>Thread-safe (stateless).
 */
public final class Markup {
  private Markup() {}

  /** {@code text} with the five XML-special characters replaced by entities. */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A coordinate: one decimal place, no exponent. */
  static String coord(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * A tick or data label: at most three significant digits, no trailing zeros, thousands as {@code
   * k} ({@code 12000 -> "12k"}, {@code 0.25 -> "0.25"}, {@code 1500 -> "1.5k"}).
   */
  public static String number(double v) {
    if (v == 0) {
      return "0";
    }
    if (Math.abs(v) >= 1000) {
      return plain(v / 1000) + "k";
    }
    return plain(v);
  }

  private static String plain(double v) {
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
