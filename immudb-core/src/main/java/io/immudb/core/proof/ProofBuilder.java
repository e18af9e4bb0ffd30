package io.immudb.core.proof;

import io.immudb.core.ahtree.AhtNodes;
import io.immudb.core.ahtree.AhtProofs;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.tx.TxHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds linear and dual proofs over a {@link TxChain} (spec v1 §7.1, §7.2), as a server does.
 *
 * <p>Thread-safe as far as the chain read is (stateless). Bad ids are programmer errors and throw
 * {@link IllegalArgumentException}.
 */
public final class ProofBuilder {
  private ProofBuilder() {}

  /**
   * The linear proof from {@code sourceTxId} to {@code targetTxId} (spec v1 §7.1): {@code [Alh_s,
   * innerHash_{s+1}, …, innerHash_t]}. Requires {@code 1 ≤ sourceTxId ≤ targetTxId}.
   */
  public static LinearProof linearProof(TxChain c, long sourceTxId, long targetTxId) {
    return linearProof(c, sourceTxId, targetTxId, Sha256Hasher.create());
  }

  private static LinearProof linearProof(TxChain c, long s, long t, Sha256Hasher h) {
    Objects.requireNonNull(c, "chain");
    if (s < 1 || s > t) {
      throw new IllegalArgumentException(
          "requires 1 <= sourceTxId <= targetTxId, got " + s + ", " + t);
    }
    List<Sha256Digest> terms = new ArrayList<>(Math.toIntExact(Math.addExact(t - s, 1)));
    terms.add(c.alh(s));
    for (long id = s + 1; id <= t; id++) {
      terms.add(c.header(id).innerHash(h));
    }
    return new LinearProof(s, t, terms);
  }

  /**
   * The dual proof from {@code source} to {@code target} (spec v1 §7.2). Requires {@code
   * source.id() ≤ target.id()} and a chain whose AHT covers {@code target.blTxId()}.
   */
  public static DualProof dualProof(TxChain c, TxHeader source, TxHeader target) {
    Objects.requireNonNull(c, "chain");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if (source.id() > target.id()) {
      throw new IllegalArgumentException(
          "source tx " + source.id() + " is after target tx " + target.id());
    }
    Sha256Hasher h = Sha256Hasher.create();
    AhtNodes aht = c.aht();
    long blTxId = target.blTxId();
    List<Sha256Digest> inclusion =
        source.id() < blTxId ? AhtProofs.inclusion(aht, source.id(), blTxId, h) : List.of();
    List<Sha256Digest> consistency =
        source.blTxId() > 0 ? AhtProofs.consistency(aht, source.blTxId(), blTxId, h) : List.of();
    Sha256Digest targetBlTxAlh = Sha256Digest.ZERO;
    List<Sha256Digest> last = List.of();
    if (blTxId > 0) {
      targetBlTxAlh = c.alh(blTxId);
      last = AhtProofs.lastInclusion(aht, blTxId, h);
    }
    LinearProof linear = linearProof(c, Math.max(source.id(), blTxId), target.id(), h);
    return new DualProof(source, target, inclusion, consistency, targetBlTxAlh, last, linear);
  }
}
