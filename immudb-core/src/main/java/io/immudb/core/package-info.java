/**
 * The dependency-free core of immudb: hashing, spec encodings and proofs (build and verify), shared
 * by the engine, the server and the client.
 *
 * <p>Everything here implements a rule of the wire and proof protocol ({@code docs/protocol.md});
 * each class names its section ("spec v1 §N" is §N there). This package holds the error root:
 * domain failures are unchecked {@link io.immudb.core.ImmuException}s carrying an {@link
 * io.immudb.core.ErrorCode}; proof failures are the checked {@link
 * io.immudb.core.proof.VerificationException}; programmer errors are JDK exceptions.
 *
 * <p>The module depends on the JDK only.
 */
package io.immudb.core;
