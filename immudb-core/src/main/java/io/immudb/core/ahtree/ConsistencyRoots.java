package io.immudb.core.ahtree;

import io.immudb.core.crypto.Sha256Digest;
import java.util.Objects;

/**
 * The two roots a consistency proof implies (spec v1 §6.4): the old tree's and the new tree's.
 *
 * <p>Thread-safe (immutable).
 *
 * @param oldRoot the root the proof implies for the old size
 * @param newRoot the root the proof implies for the new size
 */
public record ConsistencyRoots(Sha256Digest oldRoot, Sha256Digest newRoot) {
  public ConsistencyRoots {
    Objects.requireNonNull(oldRoot, "oldRoot");
    Objects.requireNonNull(newRoot, "newRoot");
  }
}
