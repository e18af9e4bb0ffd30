package io.immudb.gw;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.http.RouteAnswer;

/**
 * The JSON of the verifiable routes' answers (docs/gateway.md). A verified answer is the verified
 * message in the REST API's JSON mapping (proto field names, defaults left out: an entry as {@code
 * /db/get} shows it, a tx header as {@code /db/set} does) plus {@code "verified": true} and the
 * state now trusted. A failed proof is HTTP 409 with the evidence: the reason (which check failed),
 * the message, the trusted state, the state the server claimed, and the digests compared where
 * there were some. Stateless; thread-safe.
 */
final class Answers {
  /** The HTTP status of a failed proof. */
  static final int CONFLICT = 409;

  /** The gRPC code put in a failure's {@code code} field: ABORTED, which REST maps to 409. */
  static final int ABORTED = 10;

  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();

  private Answers() {}

  static RouteAnswer verified(Verified v, TrustedStates.Scope scope) {
    JsonObject o;
    try {
      o = JsonParser.parseString(PRINTER.print(v.result())).getAsJsonObject();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + v.result().getDescriptorForType(), e);
    }
    o.addProperty("verified", true);
    o.add("trustedState", state(scope.serverId(), v.next()));
    return new RouteAnswer(200, o.toString());
  }

  static RouteAnswer failed(String route, TrustedStates.Scope scope, VerificationException e) {
    JsonObject o = new JsonObject();
    o.addProperty("code", ABORTED);
    o.addProperty("message", "verification failed: " + e.getMessage());
    o.addProperty("verified", false);
    o.addProperty("reason", e.reason().name());
    o.addProperty("route", route);
    o.addProperty("serverId", scope.serverId());
    o.addProperty("database", scope.database());
    e.trustedState().ifPresent(s -> o.add("trustedState", state(scope.serverId(), s)));
    e.newState().ifPresent(s -> o.add("claimedState", state(scope.serverId(), s)));
    e.expected().ifPresent(d -> o.addProperty("expected", d.toHex()));
    e.computed().ifPresent(d -> o.addProperty("computed", d.toHex()));
    return new RouteAnswer(CONFLICT, o.toString());
  }

  private static JsonObject state(String serverId, ImmuState s) {
    JsonObject o = new JsonObject();
    o.addProperty("serverId", serverId);
    o.addProperty("db", s.db());
    o.addProperty("txId", Long.toString(s.txId()));
    o.addProperty("txHash", s.txHash().toHex());
    return o;
  }
}
