/**
 * The Java client SDK of immudb (v1 API, spec v1 §9): {@link io.immudb.client.ImmuClient}, built
 * with {@link io.immudb.client.ImmuClientBuilder}, is the one entry point; every RPC is a method of
 * it, and the {@code verified*} methods check the server's proofs with {@code immudb-core} before
 * they advance the trusted state kept by a {@link io.immudb.client.StateHolder} ({@link
 * io.immudb.client.FileStateHolder} on disk, {@link io.immudb.client.InMemoryStateHolder}).
 *
 * <p>{@code ImmuClient} is a facade: the per-area classes of this package ({@code Connection} for
 * the channel, session and automatic re-login; {@code AdminOps}, {@code KvOps}, {@code TxOps},
 * {@code StreamOps}, {@code SqlOps}, {@code VerifiedOps}, {@code Transfers}) are package-private.
 * Values read and written are {@code immudb-core}'s data-model types ({@code io.immudb.core.kv}),
 * SQL results are this package's records ({@code SqlQueryResult}, {@code SqlExecResult}, {@code
 * SqlRow}); failures are {@link io.immudb.client.ImmuClientException}s typed by gRPC status, and a
 * proof that does not check out is a {@code VerificationException}. An {@code ImmuClient} is
 * thread-safe; {@link io.immudb.client.HistoryChecker} is not.
 */
package io.immudb.client;
