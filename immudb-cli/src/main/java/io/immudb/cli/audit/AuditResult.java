package io.immudb.cli.audit;

import io.immudb.core.state.ImmuState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of auditing one database in one round. Immutable.
 *
 * @param serverId the server's identity ({@code immudb-uuid}), or {@code unknown} if it could not
 *     be asked
 * @param serverAddress host:port the auditor connects to
 * @param database the database audited ({@code *} when the databases could not be listed)
 * @param outcome ok, tampered or error
 * @param previous the state trusted before the round, or null if there was none (first round)
 * @param current the state the server claimed in this round, or null if it was not obtained
 * @param failure what failed, or null when the outcome is ok
 * @param runAt when the audit of this database started
 * @param duration how long it took
 * @param valuesChecked how many values were re-read and checked against their hash (with {@code
 *     --audit-verify-values})
 */
public record AuditResult(
    String serverId,
    String serverAddress,
    String database,
    Outcome outcome,
    ImmuState previous,
    ImmuState current,
    Failure failure,
    Instant runAt,
    Duration duration,
    long valuesChecked) {

  public AuditResult {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(serverAddress, "serverAddress");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(runAt, "runAt");
    Objects.requireNonNull(duration, "duration");
    if ((outcome == Outcome.OK) != (failure == null)) {
      throw new IllegalArgumentException(
          "a failure must be given exactly when the outcome is not ok");
    }
  }

  /** The result of a round for one database, with the value of the result metric. */
  public enum Outcome {
    /** Every check passed; the trusted state moved to the current one. */
    OK(1),
    /** A proof failed, or the server reported corrupted data: history cannot be proven. */
    TAMPERED(0),
    /** The server could not be asked (unreachable, refused, unknown database, …). */
    ERROR(-1);

    private final int metricValue;

    Outcome(int metricValue) {
      this.metricValue = metricValue;
    }

    /** The value of {@code immuclient_audit_result_per_server}: 1, 0 or -1. */
    public int metricValue() {
      return metricValue;
    }

    /** The lower-case name printed and sent: ok, tampered, error. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What failed.
   *
   * @param kind {@code verification} (a proof or hash check of the auditor failed), {@code
   *     corruption} (the server answered DATA_LOSS) or {@code error} (any other failure)
   * @param reason the {@code VerificationException.Reason} or the gRPC status code
   * @param message one line, for people
   */
  public record Failure(String kind, String reason, String message) {
    public Failure {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
