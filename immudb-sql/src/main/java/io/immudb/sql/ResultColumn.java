package io.immudb.sql;

/**
 * A column of a query result (spec v1 §11): its selector, e.g. {@code (testdb.t.id)} or {@code
 * COUNT(testdb.t.*)}, and its type name ({@code INTEGER}, {@code VARCHAR}, …). Thread-safe.
 */
public record ResultColumn(String name, String type) {}
