package io.immudb.server;

/**
 * Unicode character classes used by immudb's name and password rules (spec v1 §9.4): Go's {@code
 * unicode.IsPunct} and {@code unicode.IsSymbol} in Java terms. Stateless and thread-safe.
 */
public final class CharacterClasses {
  private CharacterClasses() {}

  /** Whether {@code codePoint} is in a Unicode punctuation (P*) or symbol (S*) category. */
  public static boolean isPunctuationOrSymbol(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONNECTOR_PUNCTUATION,
              Character.DASH_PUNCTUATION,
              Character.START_PUNCTUATION,
              Character.END_PUNCTUATION,
              Character.INITIAL_QUOTE_PUNCTUATION,
              Character.FINAL_QUOTE_PUNCTUATION,
              Character.OTHER_PUNCTUATION,
              Character.MATH_SYMBOL,
              Character.CURRENCY_SYMBOL,
              Character.MODIFIER_SYMBOL,
              Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }
}
