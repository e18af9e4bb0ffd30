/**
 * The v0.8 gRPC service's implementation: RPC handlers, key rules, proof answers and the one
 * exception-to-status mapping. No stability promise; use {@link io.immudb.legacy.LegacyServices}.
 * Every class is thread-safe (stateless besides thread-safe collaborators).
 */
package io.immudb.legacy.internal;
