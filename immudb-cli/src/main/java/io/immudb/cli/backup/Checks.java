package io.immudb.cli.backup;

import io.immudb.client.HistoryChecker;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;

/** The checks both formats share. */
final class Checks {
  private Checks() {}

  /** Checks {@code tx}, read at offset {@code at}, against the history read so far. */
  static ExportedTx verified(HistoryChecker checker, ExportedTx tx, long at) {
    try {
      checker.check(tx);
    } catch (VerificationException e) {
      throw new BackupFileException(at, "verification failed: " + e.getMessage(), e);
    }
    return tx;
  }

  /**
   * After the last tx: the trailer's count and Alh, and the header's state, must all be the state
   * the checked history ends in.
   */
  static void end(
      long at, BackupHeader header, HistoryChecker checker, long count, Sha256Digest alh) {
    ImmuState got = checker.state();
    if (count != got.txId()) {
      throw new BackupFileException(
          at, "the trailer counts " + count + " txs, the file holds " + got.txId());
    }
    if (!alh.equals(got.txHash())) {
      throw new BackupFileException(at, "the trailer's Alh is not the Alh of the last tx");
    }
    if (got.txId() != header.txId() || !got.txHash().toHex().equals(header.txHash())) {
      throw new BackupFileException(
          at,
          "the history ends at tx "
              + got.txId()
              + " with Alh "
              + got.txHash().toHex()
              + ", the header says tx "
              + header.txId()
              + " with Alh "
              + header.txHash());
    }
  }
}
