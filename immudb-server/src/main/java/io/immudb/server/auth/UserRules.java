package io.immudb.server.auth;

import io.immudb.server.CharacterClasses;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** immudb's rules for new user names and passwords (spec v1 §9.4). Stateless and thread-safe. */
public final class UserRules {
  /** The exact text immudb answers a weak password with. */
  public static final String PASSWORD_RULE_TEXT =
      "password must have between 8 and 32 letters, digits and special characters of which at"
          + " least 1 uppercase letter, 1 digit and 1 special character";

  private static final Pattern USERNAME = Pattern.compile("^[a-zA-Z0-9_]+$");

  private UserRules() {}

  /** Whether {@code username} matches {@code ^[a-zA-Z0-9_]+$}. */
  public static boolean isValidUsername(String username) {
    return USERNAME.matcher(username).matches();
  }

  /**
   * Whether {@code password} is strong: 8–32 UTF-8 bytes; every character an upper- or lower-case
   * letter, a number, or a punctuation/symbol character; at least one upper-case letter, one number
   * and one punctuation/symbol character.
   */
  public static boolean isStrongPassword(String password) {
    int len = password.getBytes(StandardCharsets.UTF_8).length;
    if (len < 8 || len > 32) {
      return false;
    }
    boolean upper = false;
    boolean number = false;
    boolean special = false;
    for (int i = 0; i < password.length(); ) {
      int cp = password.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isUpperCase(cp)) {
        upper = true;
      } else if (Character.isLowerCase(cp)) {
        continue;
      } else if (isNumber(cp)) {
        number = true;
      } else if (CharacterClasses.isPunctuationOrSymbol(cp)) {
        special = true;
      } else {
        return false;
      }
    }
    return upper && number && special;
  }

  private static boolean isNumber(int cp) {
    int t = Character.getType(cp);
    return t == Character.DECIMAL_DIGIT_NUMBER
        || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }
}
