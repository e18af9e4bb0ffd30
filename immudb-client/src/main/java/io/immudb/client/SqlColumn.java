package io.immudb.client;

/**
 * A column of a SQL result (spec v1 §11): the selector as the server sent it (e.g. {@code
 * (defaultdb.people.id)}, or {@code COUNT(defaultdb.people.*)}), its short name (the text after the
 * last {@code .}, without the closing parenthesis: {@code id}; the selector itself when it has no
 * dot, e.g. {@code TABLE}) and its type name ({@code INTEGER}, {@code VARCHAR}, {@code BOOLEAN},
 * {@code BLOB}, {@code TIMESTAMP}).
 */
public record SqlColumn(String selector, String name, String type) {
  /** The column named by {@code selector}, with the short name derived from it. */
  static SqlColumn of(String selector, String type) {
    int dot = selector.lastIndexOf('.');
    if (dot < 0) {
      return new SqlColumn(selector, selector, type);
    }
    String name = selector.substring(dot + 1);
    if (name.endsWith(")")) {
      name = name.substring(0, name.length() - 1);
    }
    return new SqlColumn(selector, name, type);
  }
}
