/**
 * The gRPC service {@code immudb.schema.ImmuService} (spec v1 §9): {@link
 * io.immudb.server.grpc.ImmuServiceImpl} receives every call and dispatches it, by area, to {@code
 * AuthRpcs} (login, logout), {@code UserRpcs}, {@code DatabaseRpcs}, {@code KvRpcs}, {@code
 * VerifiableRpcs}, {@code StreamRpcs} (chunked streams, spec v1 §12) and {@code BackupRpcs} (this
 * server's export and import extensions). {@code Caller} resolves the session of a call and checks
 * its permission, maintenance mode and read-only state; {@code Answers} completes calls and maps
 * every failure through {@link io.immudb.server.grpc.StatusMapper}, the one table from the server's
 * exceptions to a gRPC status and immudb's error text; {@code WireCodec} turns engine results into
 * protobuf messages. Everything reaches the engine through {@code Database} only. The classes are
 * thread-safe: each call runs on a gRPC executor thread.
 */
package io.immudb.server.grpc;
