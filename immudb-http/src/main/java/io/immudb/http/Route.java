package io.immudb.http;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import java.util.Objects;

/**
 * One HTTP route: an HTTP method and path template bound to a unary gRPC method, with where the
 * request body goes and which part of the response is sent back ({@code google.api.HttpRule}).
 * Immutable and thread-safe.
 *
 * @param httpMethod {@code GET}, {@code POST}, {@code PUT}, {@code DELETE} or {@code PATCH}
 * @param path the path template, relative to {@code /api}
 * @param method the protobuf method it calls
 * @param grpcMethod the same method as gRPC calls it (full name, marshallers)
 * @param body {@code "*"}: the body is the whole request message; empty: no body (fields come from
 *     the path and the query string); otherwise the name of the request's message field the body
 *     fills
 * @param responseBody the response field sent back, or null for the whole response
 */
record Route(
    String httpMethod,
    PathTemplate path,
    MethodDescriptor method,
    io.grpc.MethodDescriptor<Message, Message> grpcMethod,
    String body,
    FieldDescriptor responseBody) {
  Route {
    Objects.requireNonNull(httpMethod, "httpMethod");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(grpcMethod, "grpcMethod");
    Objects.requireNonNull(body, "body");
  }

  /** Whether a request body is read. */
  boolean hasBody() {
    return !body.isEmpty();
  }

  /** The operation's name in the OpenAPI document, e.g. {@code ImmuService_Set}. */
  String operationId() {
    return method.getService().getName() + "_" + method.getName();
  }
}
