package io.immudb.cli.audit;

import io.grpc.Status;
import io.immudb.client.ImmuClient;
import io.immudb.client.ImmuClientException;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import java.time.Duration;
import java.time.Instant;

/**
 * Audits one database of one server, once (the paper's state update protocol, §4.1; spec v1 §7.4):
 *
 * <ol>
 *   <li>select the database, read the trusted state (none on the first round) and the server's
 *       current state; on the first round the current state is trusted as it is (trust on first
 *       use; with {@code --audit-signature validate} its signature must verify);
 *   <li>a current state older than the trusted one is a rollback: tampering;
 *   <li>{@code VerifiableTxById(current)} with {@code proveSinceTx = trusted}: the SDK checks the
 *       tx against its {@code eH}, the dual proof from the trusted state to the tx and (validate)
 *       the signature; the tx's Alh must be the current state's;
 *   <li>with {@code --audit-verify-values}, {@link ValueVerifier} checks every tx in between and
 *       re-reads their values;
 *   <li>only then the current state becomes the trusted one.
 * </ol>
 *
 * <p>A failed check is {@code tampered}; so is a {@code DATA_LOSS} answer, the server's own report
 * that data it committed no longer matches its checksums or hashes. Any other failure is {@code
 * error}. Not thread-safe: the client's session is switched to the database audited.
 */
final class DatabaseAudit {
  private final ImmuClient client;
  private final StagedStateHolder states;
  private final String serverAddress;
  private final boolean verifyValues;

  DatabaseAudit(
      ImmuClient client, StagedStateHolder states, String serverAddress, boolean verifyValues) {
    this.client = client;
    this.states = states;
    this.serverAddress = serverAddress;
    this.verifyValues = verifyValues;
  }

  /** Audits {@code database} of the server known as {@code serverId}; never throws. */
  AuditResult audit(String serverId, String database) {
    Instant runAt = Instant.now();
    long t0 = System.nanoTime();
    ImmuState prev = null;
    ImmuState cur = null;
    AuditResult.Outcome outcome = AuditResult.Outcome.OK;
    AuditResult.Failure failure = null;
    long values = 0;
    try {
      client.useDatabase(database);
      prev = states.durable(serverId, database).orElse(null);
      cur = prev == null ? client.verifiedState() : client.currentState();
      values = check(prev, cur);
      if (prev == null || cur.txId() > prev.txId()) {
        states.commit(serverId, cur);
      }
    } catch (VerificationException e) {
      outcome = AuditResult.Outcome.TAMPERED;
      failure = new AuditResult.Failure("verification", e.reason().name(), e.getMessage());
      if (cur == null) {
        cur = e.newState().orElse(null);
      }
    } catch (ImmuClientException e) {
      boolean corrupt = e.code() == Status.Code.DATA_LOSS;
      outcome = corrupt ? AuditResult.Outcome.TAMPERED : AuditResult.Outcome.ERROR;
      failure =
          new AuditResult.Failure(
              corrupt ? "corruption" : "error", e.code().name(), String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      // A local problem, e.g. an unreadable state file: reported, the round goes on.
      outcome = AuditResult.Outcome.ERROR;
      failure = new AuditResult.Failure("error", "LOCAL", String.valueOf(e.getMessage()));
    } finally {
      states.discard(serverId, database);
    }
    return new AuditResult(
        serverId,
        serverAddress,
        database,
        outcome,
        prev,
        cur,
        failure,
        runAt,
        Duration.ofNanos(System.nanoTime() - t0),
        values);
  }

  /** Steps 2-4; returns the number of values checked. */
  private long check(ImmuState prev, ImmuState cur) throws VerificationException {
    if (!cur.db().equals(client.currentDatabase())) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF,
          "asked for the state of " + client.currentDatabase() + ", got one of '" + cur.db() + "'");
    }
    if (prev != null && cur.txId() < prev.txId()) {
      throw new VerificationException(
              Reason.STATE_REGRESSION,
              "the server's state is at tx "
                  + cur.txId()
                  + ", before the audited tx "
                  + prev.txId())
          .withStates(prev, cur);
    }
    if (prev != null && cur.txId() == prev.txId() && !cur.txHash().equals(prev.txHash())) {
      throw new VerificationException(
              Reason.ALH_MISMATCH,
              "tx " + cur.txId() + " has another hash than when it was audited",
              null,
              prev.txHash(),
              cur.txHash())
          .withStates(prev, cur);
    }
    Tx tx = client.verifiedTxById(cur.txId());
    if (!tx.header().alh().equals(cur.txHash())) {
      throw new VerificationException(
              Reason.ALH_MISMATCH,
              "the server's current state differs from the proven tx " + cur.txId(),
              null,
              tx.header().alh(),
              cur.txHash())
          .withStates(prev, cur);
    }
    return verifyValues ? ValueVerifier.verify(client, prev, cur) : 0;
  }
}
