package io.immudb.core.state;

import io.immudb.core.crypto.Sha256Digest;
import java.util.Objects;

/**
 * The state of one database: the id and Alh of its last committed transaction ({@code
 * ImmutableState} on the wire, spec v1 §8.1).
 *
 * <p>Thread-safe (immutable). A client that trusts a state can demand proof that any later state
 * extends it. A state with {@code txId = 0} describes an empty store ({@code txHash} is then {@link
 * Sha256Digest#ZERO}); a database created through the server never has one (spec v1 §10).
 *
 * @param db the database name ("" for a store used without a server)
 * @param txId id of the last committed transaction
 * @param txHash its Alh
 */
public record ImmuState(String db, long txId, Sha256Digest txHash) {
  public ImmuState {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(txHash, "txHash");
    if (txId < 0) {
      throw new IllegalArgumentException("txId must be >= 0, got " + txId);
    }
  }
}
