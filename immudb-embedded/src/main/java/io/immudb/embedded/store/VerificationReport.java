package io.immudb.embedded.store;

import java.util.Optional;

/**
 * What a full store verification checked and the first problem it found, if any.
 *
 * @param txsChecked transactions fully checked before the first problem (or all)
 * @param entriesChecked entries whose value hash and digest were recomputed
 * @param valueBytesChecked bytes of values re-read and hashed
 * @param problem the first problem, if any
 */
public record VerificationReport(
    long txsChecked, long entriesChecked, long valueBytesChecked, Optional<Problem> problem) {

  /** One failed check. {@code location} is a file and the offset in it. */
  public record Problem(long txId, String location, String what) {
    @Override
    public String toString() {
      return "tx " + txId + ": " + what + " (" + location + ")";
    }
  }

  /** True iff nothing failed. */
  public boolean ok() {
    return problem.isEmpty();
  }

  @Override
  public String toString() {
    return problem
        .map(p -> "FAILED after " + txsChecked + " good transactions: " + p)
        .orElse(
            "OK: "
                + txsChecked
                + " transactions, "
                + entriesChecked
                + " entries, "
                + valueBytesChecked
                + " value bytes checked");
  }
}
