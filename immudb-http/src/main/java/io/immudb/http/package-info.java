/**
 * immudb's REST API: HTTP/JSON transcoding of the gRPC {@code immudb.schema.ImmuService}, its
 * OpenAPI document and a browsable page. {@link io.immudb.http.WebServer} is the one door; the
 * server hands it the service definition it serves over gRPC, interceptors included.
 *
 * <p>Routes are data: the {@code google.api.http} rules of immudb v1.1.0's {@code schema.proto}
 * ({@code immudb-http-rules.textproto}), checked against the service descriptor when the server
 * starts; one generic transcoder serves them all (docs/design/http.md). JSON follows the proto3
 * mapping (protobuf-java-util's {@code JsonFormat}); errors are {@code google.rpc.Status} in JSON
 * with grpc-gateway's HTTP status for the gRPC code ({@code HttpStatusMapper}, the only mapping).
 *
 * <p>Thread-safety: everything here is immutable after construction except {@link
 * io.immudb.http.WebServer}'s lifecycle, which is synchronized. Exceptions: a rule table that does
 * not fit the descriptor is a programmer error ({@link IllegalArgumentException}) and stops the
 * start; client mistakes become HTTP 4xx answers, never exceptions.
 */
package io.immudb.http;
