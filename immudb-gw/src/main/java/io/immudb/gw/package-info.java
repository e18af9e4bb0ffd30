/**
 * immugw, the verifying gateway ({@code bin/immugw}): immudb's REST routes served in front of one
 * immudb server over gRPC, forwarded by {@code immudb-http}'s transcoder, except the verifiable
 * routes, whose proofs the gateway checks itself with the Java SDK's verification code against its
 * own persisted trusted state per server and database. {@link io.immudb.gw.Gateway} is the one
 * door; {@link io.immudb.gw.Immugw} is the command line. Operator documentation: {@code
 * docs/gateway.md}.
 *
 * <p><b>Invariants.</b> A trusted state moves forward only after every check of a verified call
 * passed, and never backwards; a failed proof is answered HTTP 409 with the evidence and leaves the
 * state where it was.
 *
 * <p><b>Threads.</b> Requests run on the web server's handler threads; the trusted states are
 * guarded by one lock ({@code TrustedStates}); the auditor, with {@code --audit}, runs on its own
 * thread. Everything here is thread-safe.
 *
 * <p><b>Errors.</b> A proof failure is a {@code VerificationException}, turned into the 409 answer
 * in one place ({@code Answers}); the server's own errors pass through as the REST API maps them;
 * bad flags are {@link IllegalArgumentException}s naming the flag (exit status 2).
 */
package io.immudb.gw;
