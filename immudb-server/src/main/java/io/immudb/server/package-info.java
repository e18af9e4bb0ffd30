/**
 * The immudb server's foundations, independent of the transport: configuration ({@code .config}),
 * the data directory and its databases ({@code .db}), users, tokens and method permissions ({@code
 * .auth}).
 *
 * <p><b>Invariants:</b> every domain error thrown by these packages is an {@link
 * io.immudb.core.ImmuException} whose message is immudb's exact text (spec v1 §9.5) and whose
 * {@link io.immudb.core.ErrorCode}, fixed by the exception's kind, decides the gRPC status ({@link
 * io.immudb.server.grpc.StatusMapper}).
 *
 * <p><b>Thread-safety:</b> stated per type; the registries, stores and login sessions are safe for
 * concurrent use.
 *
 * <p><b>Exceptions:</b> programmer errors use JDK types ({@link NullPointerException}, {@link
 * IllegalArgumentException}, {@link IllegalStateException}); I/O failures while opening are {@link
 * java.io.IOException}.
 */
package io.immudb.server;
