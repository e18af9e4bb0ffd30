/**
 * Byte encodings of stored keys and values (spec v1 §3, §10): namespace prefixes, plain and
 * reference values, sorted-set member keys, and the SQL catalog entry of transaction 1.
 *
 * <p>Invariants: stored forms are exactly the bytes immudb v1.1.0 hashes; user keys and values are
 * {@code byte[]} copied on the way in and on the way out; integers are big-endian and tx ids must
 * be in {@code [0, 2^63)}.
 *
 * <p>Thread-safety: all classes are stateless or immutable.
 *
 * <p>Exceptions: malformed input throws {@link IllegalArgumentException}.
 */
package io.immudb.core.kv;
