package io.immudb.sql;

/**
 * One row of {@link SqlEngine#describeTable} (spec v1 §11, {@code DescribeTable}): the column's
 * name; its type name with {@code [maxLen]} for a declared length; nullable (true unless declared
 * NOT NULL); {@code PRIMARY KEY}, {@code YES} (indexed) or {@code NO}; auto-increment; whether it
 * is the single column of a unique index. Thread-safe.
 */
public record ColumnDescription(
    String name,
    String type,
    boolean nullable,
    String index,
    boolean autoIncrement,
    boolean unique) {}
