package io.immudb.core.tx;

import io.immudb.core.crypto.Sha256Digest;
import java.util.List;

/**
 * Proof that one entry belongs to a transaction's entry tree ({@code InclusionProof} on the wire,
 * spec v1 §4.2).
 *
 * <p>Thread-safe (immutable; the term list is copied). Requires {@code 0 ≤ leaf < width}. The terms
 * are the RFC 6962 audit path ordered from the leaf level upwards: sibling of the leaf first, child
 * of the root last.
 *
 * @param leaf 0-based index of the entry in commit order
 * @param width number of entries of the transaction
 * @param terms the audit path, bottom-up
 */
public record InclusionProof(int leaf, int width, List<Sha256Digest> terms) {
  public InclusionProof {
    if (leaf < 0 || leaf >= width) {
      throw new IllegalArgumentException(
          "requires 0 <= leaf < width, got leaf=" + leaf + " width=" + width);
    }
    terms = List.copyOf(terms);
  }
}
