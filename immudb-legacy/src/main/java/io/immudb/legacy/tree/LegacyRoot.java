package io.immudb.legacy.tree;

import io.immudb.core.crypto.Sha256Digest;
import java.util.Objects;

/**
 * A root of the v0.8 tree (spec v0.8 §2.2 {@code RootIndex}): the last leaf index and {@code
 * MTH(L[0..at])}.
 *
 * <p>Thread-safe (immutable).
 *
 * @param at the index of the last leaf (tree size − 1); ≥ 0
 * @param root the Merkle tree hash of leaves {@code 0..at}
 */
public record LegacyRoot(long at, Sha256Digest root) {
  public LegacyRoot {
    if (at < 0) {
      throw new IllegalArgumentException("at must be >= 0, got " + at);
    }
    Objects.requireNonNull(root, "root");
  }
}
