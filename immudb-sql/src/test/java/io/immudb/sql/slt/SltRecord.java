package io.immudb.sql.slt;

import java.util.List;

/**
 * One record of a sqllogictest file: a statement expected to succeed or fail, a query with its
 * expected result, or {@code halt}. {@code line} is the record's first line in the file.
 */
sealed interface SltRecord {
  int line();

  record Statement(int line, String sql, boolean expectError) implements SltRecord {}

  /** How a query's values are put in order before comparing (sqllogictest's sort modes). */
  enum Sort {
    NOSORT,
    ROWSORT,
    VALUESORT
  }

  /**
   * A query; {@code types} has one letter per column ({@code I}, {@code T}, {@code R}); {@code
   * expected} the result lines after {@code ----} (values, or one {@code N values hashing to md5}
   * line).
   */
  record Query(int line, String sql, String types, Sort sort, List<String> expected)
      implements SltRecord {}

  record Halt(int line) implements SltRecord {}
}
