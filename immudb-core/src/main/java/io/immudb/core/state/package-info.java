/**
 * Database states ({@code ImmutableState}, spec v1 §8.1) and their optional ECDSA signatures
 * (§8.3).
 *
 * <p>Invariants: a state names the id and Alh of the last committed transaction; the signed payload
 * is {@code u32(len(db)) ‖ db ‖ u64(txId) ‖ txHash}.
 *
 * <p>Thread-safety: states are immutable; {@link io.immudb.core.state.StateSignatures} is
 * stateless.
 *
 * <p>Exceptions: a bad signature is the checked {@link io.immudb.core.proof.VerificationException}
 * ({@code SIGNATURE}); an unusable key is an {@link IllegalArgumentException}.
 */
package io.immudb.core.state;
