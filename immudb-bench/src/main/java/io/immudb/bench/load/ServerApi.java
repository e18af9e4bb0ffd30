package io.immudb.bench.load;

import io.grpc.Channel;
import io.grpc.Metadata;
import io.immudb.proto.SetRequest;

/**
 * The API a {@code server} run speaks: the v1.1 API ({@code Set} / {@code VerifiableSet}, spec v1
 * §9) or the v0.8 API of the legacy port ({@code Set}/{@code SetBatch} / {@code SafeSet}, spec v0.8
 * §4; docs/legacy.md). The requests are built once in the v1.1 form ({@link ServerKeys}) and turned
 * into the API's own messages before the clock starts.
 *
 * <p>Thread-safe (stateless).
 */
interface ServerApi {
  /** The API named by {@code --api}: {@code v1} or {@code legacy}. */
  static ServerApi of(String name) {
    return switch (name) {
      case "v1" -> new V1Api();
      case "legacy" -> new LegacyApi();
      default ->
          throw new IllegalArgumentException("--api must be v1 or legacy, got '" + name + "'");
    };
  }

  /**
   * Logs in and selects {@code database}; returns the token for it.
   *
   * @throws io.grpc.StatusRuntimeException if the server refuses
   */
  String login(Channel channel, String user, String password, String database);

  /**
   * The calls of one client, over {@code channel} with {@code headers} (the token), sending {@code
   * requests} in turn; {@code verified} selects the proof-returning call.
   *
   * @throws IllegalArgumentException if this API has no call for these requests
   */
  ServerCall client(Channel channel, Metadata headers, SetRequest[] requests, boolean verified);
}
