package io.immudb.client;

import java.util.Map;

/**
 * A row version read by {@link ImmuClient#verifiedSqlGet}, proven to be the one stored in tx {@code
 * tx}: the table, the tx, whether that version is the tombstone of a deleted row, and the values by
 * column name in column-id order ({@code null} for SQL NULL and for every column of a deleted row),
 * typed as in {@link SqlQueryResult}. Immutable, except for the {@code byte[]} values.
 */
public record SqlRow(String table, long tx, boolean deleted, Map<String, Object> values) {}
