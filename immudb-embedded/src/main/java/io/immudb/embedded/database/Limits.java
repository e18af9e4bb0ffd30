package io.immudb.embedded.database;

/**
 * The limits a database was created with (see {@link io.immudb.embedded.store.StoreOptions}); they
 * never change afterwards. Lengths are of stored keys and values, which include the one-byte prefix
 * of the data model (spec v1 §3). Thread-safe (immutable).
 *
 * @param maxTxEntries most entries in one transaction
 * @param maxKeyLen longest stored key, in bytes
 * @param maxValueLen longest stored value, in bytes
 */
public record Limits(int maxTxEntries, int maxKeyLen, int maxValueLen) {}
