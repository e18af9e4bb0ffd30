package io.immudb.server.db;

import io.immudb.server.CharacterClasses;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * immudb's rules for names given to {@code CreateDatabase} (spec v1 §9.4), checked in immudb's
 * order. Stateless and thread-safe.
 */
public final class DatabaseNames {
  /** The internal database of users and settings. Never listed. */
  public static final String SYSTEMDB = "systemdb";

  /** The database that always exists (index 0). */
  public static final String DEFAULTDB = "defaultdb";

  /** Longest name, in UTF-8 bytes. */
  public static final int MAX_LENGTH = 128;

  private DatabaseNames() {}

  /**
   * Checks a name for {@code CreateDatabase}: reserved, then lower case, then length 1–128 bytes,
   * then characters. A character other than {@code [a-z0-9]} fails at once with "unrecognized
   * character" unless it is punctuation or a symbol; punctuation and symbols are reported after the
   * whole name was scanned, as immudb does. Existence is not checked here.
   *
   * @throws DatabaseException with the first rule that fails
   */
  public static void validate(String name) {
    if (SYSTEMDB.equals(name)) {
      throw fail(DatabaseException.Kind.RESERVED_NAME, name, "this database name is reserved");
    }
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      throw fail(DatabaseException.Kind.NOT_LOWERCASE, name, "provide a lowercase database name");
    }
    int len = name.getBytes(StandardCharsets.UTF_8).length;
    if (len < 1 || len > MAX_LENGTH) {
      throw fail(DatabaseException.Kind.BAD_LENGTH, name, "database name length outside of limits");
    }
    boolean special = false;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
        continue;
      }
      if (CharacterClasses.isPunctuationOrSymbol(cp)) {
        special = true;
        continue;
      }
      throw fail(
          DatabaseException.Kind.UNRECOGNIZED_CHARACTER,
          name,
          "unrecognized character in database name");
    }
    if (special) {
      throw fail(
          DatabaseException.Kind.PUNCTUATION,
          name,
          "punctuation marks and symbols are not allowed in database name");
    }
  }

  private static DatabaseException fail(DatabaseException.Kind kind, String name, String text) {
    return new DatabaseException(kind, name, text);
  }
}
