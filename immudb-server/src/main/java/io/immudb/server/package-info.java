/**
 * The immudb server's foundations, independent of the transport: configuration ({@code .config}),
 * the data directory and its databases ({@code .db}), users, tokens and method permissions ({@code
 * .auth}).
 *
 * <p><b>Invariants:</b> every domain error thrown by these packages is an {@link
 * io.immudb.core.ImmuException} whose kind names the gRPC status the transport must answer with
 * ({@link io.immudb.server.StatusKind}, spec v1 §9.5) and whose message is immudb's exact text.
 *
 * <p><b>Thread-safety:</b> stated per type; the registries, stores and token manager are safe for
 * concurrent use.
 *
 * <p><b>Exceptions:</b> programmer errors use JDK types ({@link NullPointerException}, {@link
 * IllegalArgumentException}, {@link IllegalStateException}); I/O failures while opening are {@link
 * java.io.IOException}.
 */
package io.immudb.server;
