package io.immudb.gw;

import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.http.RouteAnswer;
import io.immudb.http.RouteOverride;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.VerifiableReferenceRequest;
import io.immudb.proto.VerifiableSQLGetRequest;
import io.immudb.proto.VerifiableSetRequest;
import io.immudb.proto.VerifiableTxRequest;
import io.immudb.proto.VerifiableZAddRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verifiable routes as immugw answers them, one {@link RouteOverride} per method: ask the
 * server's current state (which names the caller's database, and must not be older than the trusted
 * state), make the call proving from the trusted state ({@link ProofChecks}), and only if every
 * check passed move the trusted state forward and answer {@code "verified": true}; otherwise answer
 * 409 with the evidence ({@link Answers}) and leave the trusted state as it was. Errors of the
 * server (not logged in, key not found...) pass through as for any route. Thread-safe.
 */
final class VerifyingRoutes {
  private static final String SERVICE = "immudb.schema.ImmuService/";

  /** One route's check: the call and its verification from the trusted state. */
  @FunctionalInterface
  private interface Check<Q extends Message> {
    Verified run(UpstreamCall call, ImmuState trusted, Q request) throws VerificationException;
  }

  private final TrustedStates states;
  private final ProofChecks checks;
  private final GatewayMetrics metrics;
  private final Duration deadline;
  private final String fallbackServerId;

  /**
   * @param fallbackServerId the server's identity for the state files if it sends none
   */
  VerifyingRoutes(
      TrustedStates states,
      ProofChecks checks,
      GatewayMetrics metrics,
      Duration deadline,
      String fallbackServerId) {
    this.states = states;
    this.checks = checks;
    this.metrics = metrics;
    this.deadline = deadline;
    this.fallbackServerId = fallbackServerId;
  }

  /** The overrides, by full gRPC method name. */
  Map<String, RouteOverride> overrides() {
    Map<String, RouteOverride> m = new LinkedHashMap<>();
    m.put(
        SERVICE + "VerifiableSet",
        route("/db/verifiable/set", VerifiableSetRequest.class, checks::set));
    m.put(
        SERVICE + "VerifiableGet",
        route("/db/verifiable/get", VerifiableGetRequest.class, checks::get));
    m.put(
        SERVICE + "VerifiableTxById",
        route("/db/verifiable/tx/{tx}", VerifiableTxRequest.class, checks::txById));
    m.put(
        SERVICE + "VerifiableSetReference",
        route(
            "/db/verifiable/setreference", VerifiableReferenceRequest.class, checks::setReference));
    m.put(
        SERVICE + "VerifiableZAdd",
        route("/db/verifiable/zadd", VerifiableZAddRequest.class, checks::zAdd));
    m.put(
        SERVICE + "VerifiableSQLGet",
        route("/db/verifiable/sqlget", VerifiableSQLGetRequest.class, checks::sqlGet));
    return m;
  }

  private <Q extends Message> RouteOverride route(String path, Class<Q> type, Check<Q> check) {
    return (request, channel) -> answer(path, channel, type.cast(request), check);
  }

  private <Q extends Message> RouteAnswer answer(
      String path, Channel channel, Q request, Check<Q> check) {
    try {
      return verify(path, channel, request, check);
    } catch (StatusRuntimeException e) {
      throw e;
    } catch (RuntimeException e) { // e.g. the state files cannot be written
      throw Status.INTERNAL
          .withDescription("immugw: " + e.getMessage())
          .withCause(e)
          .asRuntimeException();
    }
  }

  private <Q extends Message> RouteAnswer verify(
      String path, Channel channel, Q request, Check<Q> check) {
    UpstreamCall call = new UpstreamCall(channel, deadline, fallbackServerId);
    ImmutableState current = call.stub().currentState(Empty.getDefaultInstance());
    TrustedStates.Scope scope = new TrustedStates.Scope(call.serverId(), current.getDb());
    try {
      ImmuState trusted =
          states.trusted(
              scope, current, () -> call.stub().currentState(Empty.getDefaultInstance()));
      Verified v = check.run(call, trusted, request);
      states.advance(scope, v.next());
      metrics.verified(path);
      return Answers.verified(v, scope);
    } catch (VerificationException e) {
      metrics.failed(path, e.reason());
      return Answers.failed(path, scope, e);
    }
  }
}
