package io.immudb.core.proof;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.state.ImmuState;
import java.util.Objects;
import java.util.Optional;

/**
 * A proof did not verify. The only checked exception of this project: a caller that asked for a
 * verified result must decide what to do about evidence of tampering.
 *
 * <p>Carries the evidence: which check failed ({@link #reason()}), the proof that failed, the
 * digest that was expected and the one computed where a single comparison failed, and — when the
 * failure happened while moving from a trusted state to a new one — both states. Thread-safe
 * (immutable after construction).
 */
public final class VerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** An argument of the proof is out of range (an index, a size, a tx id, a missing part). */
    MALFORMED_PROOF,
    /**
     * A transaction inclusion proof (spec v1 §4.3), or a tx's whole list of entries (§4.1), did not
     * lead to {@code eH}.
     */
    TX_INCLUSION,
    /** An AHT inclusion proof (spec v1 §6.3) did not lead to the root. */
    AHT_INCLUSION,
    /** An AHT consistency proof (spec v1 §6.4) did not lead to both roots. */
    AHT_CONSISTENCY,
    /** An AHT last-inclusion proof (spec v1 §6.5) did not lead to the root. */
    AHT_LAST_INCLUSION,
    /** A linear proof (spec v1 §7.1) did not lead to the target Alh. */
    LINEAR,
    /** A header's recomputed Alh differs from the expected one (spec v1 §7.3 step 4). */
    ALH_MISMATCH,
    /** A proof's tx ids differ from the ones asked for. */
    TX_ID_MISMATCH,
    /** An entry's value or key differs from what the proof covers. */
    ENTRY_MISMATCH,
    /** A state signature did not verify. */
    SIGNATURE,
    /** The new state does not extend the trusted state (e.g. a rollback). */
    STATE_REGRESSION
  }

  private final Reason reason;
  private final transient Object proof;
  private final Sha256Digest expected;
  private final Sha256Digest computed;
  private final ImmuState trustedState;
  private final ImmuState newState;

  /** A failure with no digest comparison and no states. */
  public VerificationException(Reason reason, String message) {
    this(reason, message, null, null, null, null, null);
  }

  /** A failed comparison: {@code computed} should have been {@code expected}. */
  public VerificationException(
      Reason reason, String message, Object proof, Sha256Digest expected, Sha256Digest computed) {
    this(reason, message, proof, expected, computed, null, null);
  }

  private VerificationException(
      Reason reason,
      String message,
      Object proof,
      Sha256Digest expected,
      Sha256Digest computed,
      ImmuState trustedState,
      ImmuState newState) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.proof = proof;
    this.expected = expected;
    this.computed = computed;
    this.trustedState = trustedState;
    this.newState = newState;
  }

  /** Returns a copy of this exception that also names the states it happened between. */
  public VerificationException withStates(ImmuState trusted, ImmuState candidate) {
    VerificationException e =
        new VerificationException(
            reason, getMessage(), proof, expected, computed, trusted, candidate);
    e.initCause(this);
    return e;
  }

  public Reason reason() {
    return reason;
  }

  /** The proof (or proof part) that failed, if known. */
  public Optional<Object> proof() {
    return Optional.ofNullable(proof);
  }

  public Optional<Sha256Digest> expected() {
    return Optional.ofNullable(expected);
  }

  public Optional<Sha256Digest> computed() {
    return Optional.ofNullable(computed);
  }

  /** The state the verifier trusted before the check, if the check moved between states. */
  public Optional<ImmuState> trustedState() {
    return Optional.ofNullable(trustedState);
  }

  /** The state the proof claimed to lead to, if the check moved between states. */
  public Optional<ImmuState> newState() {
    return Optional.ofNullable(newState);
  }
}
