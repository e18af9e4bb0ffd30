package io.immudb.gw;

import io.immudb.client.StateHolder;
import io.immudb.client.internal.Verifier;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.state.ImmuState;
import io.immudb.proto.ImmutableState;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The gateway's trusted states, one per server identity and database, kept by a {@link StateHolder}
 * (files under {@code --roots-filepath}, so they survive restarts). A state is trusted on first use
 * (the server's signed current state, when a signing key is configured) and only ever replaced by a
 * newer one that a proof reached from it.
 *
 * <p>Thread-safe: reads and replacements of a state happen under one lock, and a replacement never
 * moves a state backwards, so concurrent verified calls (each checked against the state it read)
 * leave the newest verified state.
 */
final class TrustedStates {
  /** Where a state belongs: the server's identity ({@code immudb-uuid}) and the database. */
  record Scope(String serverId, String database) {}

  private final StateHolder holder;
  private final Verifier verifier;
  private final Object lock = new Object();

  TrustedStates(StateHolder holder, Verifier verifier) {
    this.holder = holder;
    this.verifier = verifier;
  }

  /**
   * The trusted state of {@code s}, checked against the server's claimed current state: on first
   * use the claimed state becomes the trusted one (its signature checked); afterwards a claimed
   * state older than the trusted one, or one at the same tx with another hash, is a rewritten
   * history. {@code current} is asked again when the first answer is older than the trusted state,
   * since another call may have moved the trusted state on after the first answer was given.
   *
   * @throws VerificationException {@code STATE_REGRESSION} or {@code ALH_MISMATCH} with both states
   */
  ImmuState trusted(Scope s, ImmutableState claimed, Supplier<ImmutableState> current)
      throws VerificationException {
    Optional<ImmuState> known = holder.get(s.serverId(), s.database());
    if (known.isEmpty()) {
      synchronized (lock) {
        known = holder.get(s.serverId(), s.database());
        if (known.isEmpty()) {
          ImmuState first = state(claimed);
          verifier.checkSignature(first, claimed.hasSignature() ? claimed.getSignature() : null);
          holder.set(s.serverId(), first);
          return first;
        }
      }
    }
    ImmuState t = known.get();
    ImmutableState c = claimed;
    if (c.getTxId() < t.txId()) {
      c = current.get();
    }
    ImmuState cs = state(c);
    if (cs.txId() < t.txId()) {
      throw new VerificationException(
              Reason.STATE_REGRESSION,
              "the server's current state is tx "
                  + cs.txId()
                  + ", older than the trusted tx "
                  + t.txId()
                  + ": its history was rolled back")
          .withStates(t, cs);
    }
    if (cs.txId() == t.txId() && !cs.txHash().equals(t.txHash())) {
      throw new VerificationException(
              Reason.ALH_MISMATCH,
              "the server's current state has another hash than the trusted one at tx " + t.txId(),
              null,
              t.txHash(),
              cs.txHash())
          .withStates(t, cs);
    }
    return t;
  }

  /** Makes {@code next} the trusted state of {@code s} unless a newer one is trusted already. */
  void advance(Scope s, ImmuState next) {
    synchronized (lock) {
      Optional<ImmuState> cur = holder.get(s.serverId(), s.database());
      if (cur.isEmpty() || next.txId() > cur.get().txId()) {
        holder.set(s.serverId(), next);
      }
    }
  }

  /** The trusted state of {@code s}, if any. */
  Optional<ImmuState> get(Scope s) {
    return holder.get(s.serverId(), s.database());
  }

  private static ImmuState state(ImmutableState st) throws VerificationException {
    if (st.getTxHash().size() != Sha256Digest.LENGTH || st.getDb().isEmpty()) {
      throw new VerificationException(
          Reason.MALFORMED_PROOF, "the server's current state has no database or a bad hash");
    }
    return new ImmuState(st.getDb(), st.getTxId(), Sha256Digest.of(st.getTxHash().toByteArray()));
  }
}
