package io.immudb.cli.audit;

import com.google.gson.GsonBuilder;
import io.immudb.core.state.ImmuState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an {@link AuditResult} is shown: one text line per database per round on standard output, or
 * one JSON object per line with {@code --output json}; the same JSON object is the body of a
 * tampering notification. Stateless and thread-safe.
 *
 * <p>Example notification body:
 *
 * <pre>{@code
 * {"event":"tampering","result":"tampered","server_id":"a3f…","server_address":"db1:3322",
 *  "database":"defaultdb","previous_state":{"tx":4,"hash":"ab…"},
 *  "current_state":{"tx":7,"hash":"cd…"},
 *  "failure":{"kind":"verification","reason":"ALH_MISMATCH","message":"…"},
 *  "run_at":"2025-01-01T10:00:00Z","duration_ms":12,"values_checked":3}
 * }</pre>
 */
public final class AuditReport {
  private static final com.google.gson.Gson GSON =
      new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private AuditReport() {}

  /** The fields of {@code r}, in a fixed order, as sent and printed in JSON. */
  public static Map<String, Object> fields(AuditResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", r.outcome() == AuditResult.Outcome.TAMPERED ? "tampering" : "audit");
    m.put("result", r.outcome().label());
    m.put("server_id", r.serverId());
    m.put("server_address", r.serverAddress());
    m.put("database", r.database());
    m.put("previous_state", state(r.previous()));
    m.put("current_state", state(r.current()));
    if (r.failure() == null) {
      m.put("failure", null);
    } else {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("kind", r.failure().kind());
      f.put("reason", r.failure().reason());
      f.put("message", r.failure().message());
      m.put("failure", f);
    }
    m.put("run_at", r.runAt().toString());
    m.put("duration_ms", r.duration().toMillis());
    m.put("values_checked", r.valuesChecked());
    return m;
  }

  private static Map<String, Object> state(ImmuState s) {
    if (s == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tx", s.txId());
    m.put("hash", s.txHash().toHex());
    return m;
  }

  /** {@code r} as one JSON object. */
  public static String json(AuditResult r) {
    return GSON.toJson(fields(r));
  }

  /**
   * {@code r} as one line of text: time, server, database, result, trusted and current tx, then the
   * values checked and the time taken, or what failed.
   */
  public static String line(AuditResult r) {
    StringBuilder b =
        new StringBuilder()
            .append(r.runAt())
            .append(' ')
            .append(r.serverId())
            .append(' ')
            .append(r.database())
            .append(' ')
            .append(r.outcome().label())
            .append(" prev=")
            .append(r.previous() == null ? "-" : Long.toString(r.previous().txId()))
            .append(" curr=")
            .append(r.current() == null ? "-" : Long.toString(r.current().txId()));
    if (r.failure() == null) {
      b.append(" values=").append(r.valuesChecked());
    } else {
      b.append(' ')
          .append(r.failure().kind())
          .append(' ')
          .append(r.failure().reason())
          .append(": ")
          .append(r.failure().message().replace('\n', ' '));
    }
    return b.append(" (").append(r.duration().toMillis()).append(" ms)").toString();
  }
}
