package io.immudb.server.consistency;

import java.util.Optional;

/**
 * What the consistency checker has done for one database. Immutable.
 *
 * @param database the database's name
 * @param lastCheckedTx every tx after the checker's starting point up to this one has been
 *     re-verified (the starting point is the last tx when the checker first saw the database)
 * @param txsChecked txs re-verified in order as they were committed
 * @param samplesChecked older txs re-verified at random
 * @param mismatches failed checks (0 or 1: the checker stops on a database after its first)
 * @param corruption the first failed check, if any
 */
public record ConsistencyStatus(
    String database,
    long lastCheckedTx,
    long txsChecked,
    long samplesChecked,
    long mismatches,
    Optional<Corruption> corruption) {

  /**
   * One failed check.
   *
   * @param txId the tx whose check failed
   * @param location the file and offset of the bad record
   * @param what what did not match
   */
  public record Corruption(long txId, String location, String what) {
    @Override
    public String toString() {
      return "tx " + txId + ": " + what + " (" + location + ")";
    }
  }
}
