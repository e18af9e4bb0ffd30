/**
 * immudb's key-value data model (spec v1 §3, §9.6, §10): the values the engine, the server and the
 * client SDK exchange — pairs written ({@link io.immudb.core.kv.KeyValue}), entries, references and
 * sorted-set members read ({@link io.immudb.core.kv.Entry}, {@link io.immudb.core.kv.Reference},
 * {@link io.immudb.core.kv.ZEntry}), transactions exported with their stored entries ({@link
 * io.immudb.core.kv.ExportedTx}, {@link io.immudb.core.kv.StoredKeyValue}) — and the byte encodings
 * of stored keys and values: namespace prefixes, plain and reference values, sorted-set member
 * keys, and the SQL catalog entry of transaction 1.
 *
 * <p>Invariants: {@code KeyValue}, {@code Entry}, {@code Reference} and {@code ZEntry} hold
 * <em>user</em> keys and values, without the prefixes of spec v1 §3; {@code StoredKeyValue} and
 * {@code ExportedTx} hold the <em>stored</em> bytes, prefixes included. Stored forms are exactly
 * the bytes immudb v1.1.0 hashes; arrays are copied on the way in and on the way out (the encoders
 * read a {@code KeyValue}'s arrays in place); integers are big-endian and tx ids must be in {@code
 * [0, 2^63)}.
 *
 * <p>Thread-safety: all classes are stateless or immutable.
 *
 * <p>Exceptions: malformed input throws {@link IllegalArgumentException}; a null array or header is
 * a programmer error ({@link NullPointerException}).
 */
package io.immudb.core.kv;
