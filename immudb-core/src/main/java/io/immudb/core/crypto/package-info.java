/**
 * SHA-256 digests, the domain-separated tree hashes (spec v1 §1, §2) and the audit-path shape of
 * the Merkle trees built from them.
 *
 * <p>Invariants: a {@link io.immudb.core.crypto.Sha256Digest} always holds exactly 32 bytes and
 * never changes; {@code LEAF(d) = H(0x00 ‖ d)} and {@code NODE(l, r) = H(0x01 ‖ l ‖ r)}.
 *
 * <p>Thread-safety: digests are immutable and thread-safe; a {@link
 * io.immudb.core.crypto.Sha256Hasher} wraps one {@code MessageDigest} and is not — use one per
 * computation or per thread.
 *
 * <p>Exceptions: wrong lengths are programmer errors ({@link IllegalArgumentException}).
 */
package io.immudb.core.crypto;
