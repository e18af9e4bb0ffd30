package io.immudb.http;

import com.google.protobuf.Message;
import io.grpc.Channel;

/**
 * A route answered by the caller's code instead of being forwarded as is: {@link WebServer#forward}
 * hands it the decoded request message and a channel that carries the HTTP caller's headers ({@code
 * authorization}, {@code Grpc-Metadata-*}), and sends back what it returns. immugw uses it to check
 * the proofs of the verifiable routes itself.
 *
 * <p>Implementations MUST be thread-safe (the web server calls them from many threads). A {@link
 * io.grpc.StatusRuntimeException} thrown out of {@link #answer} is answered as any failed call is:
 * {@code google.rpc.Status} JSON with the HTTP status of its code.
 */
@FunctionalInterface
public interface RouteOverride {
  /**
   * The answer to one request.
   *
   * @param request the request message, decoded from the body, path and query as for any route
   * @param channel the upstream channel with the caller's headers attached to every call
   */
  RouteAnswer answer(Message request, Channel channel);
}
