/**
 * The SDK's wire plumbing, public only so that the {@code io.immudb.client} package and the
 * command-line tools can share it; no stability promise. {@code ProtoDecoder} turns protobuf
 * answers into core types (checking lengths and shapes, spec v1 §9.6), {@code Verifier} runs the
 * client-side checks of verified answers (spec v1 §7), {@code StatusDecoder} maps a gRPC status to
 * the SDK's exception, {@code SqlRowCodec} rebuilds SQL row keys and decodes row values
 * (docs/design/sql.md), {@code Chunks} frames streamed keys and values (spec v1 §12), {@code
 * Session} holds the login token and database, {@code ClientTls} builds the channel's TLS context.
 * All classes are stateless or immutable, except {@code Session}, which is thread-safe.
 */
package io.immudb.client.internal;
