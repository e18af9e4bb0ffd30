package io.immudb.client.internal;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.DualProof;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.core.proof.TxChainVerifier;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.state.ImmuState;
import io.immudb.core.state.StateSignatures;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.Signature;
import io.immudb.proto.VerifiableTx;
import java.util.Arrays;
import java.util.List;

/**
 * The client's checks of verified answers (spec v1 §7.3, §7.4), stricter than immudb-node's: the
 * returned tx must hash to its {@code eH}, every expected entry must be in it with the expected
 * value hash, the dual proof's headers must be the tx's, and with a server signing key the
 * signature of the new state must verify. Each check failure is a {@link VerificationException}
 * naming the trusted state and the claimed one. Stateless; thread-safe.
 */
public final class Verifier {
  private final byte[] serverSigningKey;

  /**
   * @param serverSigningKey the server's public key as an uncompressed P-256 point, or null to skip
   *     signature checks
   */
  public Verifier(byte[] serverSigningKey) {
    this.serverSigningKey = serverSigningKey == null ? null : serverSigningKey.clone();
  }

  /** A stored pair the verified tx must contain: key and value as stored (spec v1 §3). */
  public record Expected(byte[] storedKey, byte[] storedValue) {}

  /**
   * Checks the answer to a verified write (Set, SetReference, ZAdd): a new tx holding exactly the
   * {@code expected} pairs, proven from {@code trusted}. Returns the tx's state, to be trusted
   * next.
   */
  public ImmuState verifyWrite(ImmuState trusted, VerifiableTx answer, List<Expected> expected)
      throws VerificationException {
    ProtoDecoder.require(answer.hasTx() && answer.hasDualProof(), "no tx or no dual proof");
    Tx tx = ProtoDecoder.tx(answer.getTx());
    TxHeader h = tx.header();
    ImmuState claimed = new ImmuState(trusted.db(), h.id(), h.alh());
    try {
      if (h.nEntries() != expected.size()) {
        throw new VerificationException(
            Reason.ENTRY_MISMATCH,
            "tx " + h.id() + " has " + h.nEntries() + " entries, the write had " + expected.size());
      }
      checkEntries(tx);
      Sha256Hasher hasher = Sha256Hasher.create();
      for (Expected e : expected) {
        checkContains(tx, e, hasher);
      }
      if (h.id() <= trusted.txId()) {
        throw new VerificationException(
            Reason.STATE_REGRESSION,
            "the new tx " + h.id() + " is not after the trusted tx " + trusted.txId());
      }
      DualProof dp = ProtoDecoder.dualProof(answer.getDualProof());
      sameHeader(dp.targetTxHeader(), h, "target");
      DualProofVerifier.verify(dp, trusted.txId(), h.id(), trusted.txHash(), h.alh());
      checkSignature(claimed, answer);
    } catch (VerificationException e) {
      throw e.trustedState().isPresent() ? e : e.withStates(trusted, claimed);
    }
    return claimed;
  }

  /**
   * Checks the answer to a verified read of one stored pair, which must be in tx {@code vTx}: the
   * inclusion proof in that tx and the dual proof between it and {@code trusted}, whichever is
   * newer. Returns the state to trust next (the newer of the two).
   */
  public ImmuState verifyRead(
      ImmuState trusted,
      long vTx,
      Expected stored,
      io.immudb.proto.InclusionProof inclusion,
      VerifiableTx answer)
      throws VerificationException {
    ProtoDecoder.require(answer.hasTx() && answer.hasDualProof(), "no tx or no dual proof");
    Tx tx = ProtoDecoder.tx(answer.getTx());
    TxHeader h = tx.header();
    ImmuState claimed = new ImmuState(trusted.db(), h.id(), h.alh());
    try {
      if (h.id() != vTx) {
        throw new VerificationException(
            Reason.TX_ID_MISMATCH, "the entry is in tx " + vTx + ", the proof is for tx " + h.id());
      }
      checkEntries(tx);
      Sha256Hasher hasher = Sha256Hasher.create();
      Sha256Digest digest =
          hasher.entryDigest(stored.storedKey(), hasher.hash(stored.storedValue()));
      HTree.verifyInclusion(ProtoDecoder.inclusionProof(inclusion), digest, h.eh(), hasher);
      return verifyDual(trusted, tx, answer);
    } catch (VerificationException e) {
      throw e.trustedState().isPresent() ? e : e.withStates(trusted, claimed);
    }
  }

  /** Checks the answer to {@code VerifiableTxById}; returns the state to trust next. */
  public ImmuState verifyTx(ImmuState trusted, long txId, VerifiableTx answer)
      throws VerificationException {
    ProtoDecoder.require(answer.hasTx() && answer.hasDualProof(), "no tx or no dual proof");
    Tx tx = ProtoDecoder.tx(answer.getTx());
    TxHeader h = tx.header();
    try {
      if (h.id() != txId) {
        throw new VerificationException(
            Reason.TX_ID_MISMATCH, "asked for tx " + txId + ", got tx " + h.id());
      }
      checkEntries(tx);
      return verifyDual(trusted, tx, answer);
    } catch (VerificationException e) {
      throw e.trustedState().isPresent()
          ? e
          : e.withStates(trusted, new ImmuState(trusted.db(), h.id(), h.alh()));
    }
  }

  /**
   * The dual proof between {@code tx} and the trusted state, in the direction of spec v1 §7.4: from
   * the trusted state to the tx if the tx is not older, else from the tx to the trusted state.
   */
  private ImmuState verifyDual(ImmuState trusted, Tx tx, VerifiableTx answer)
      throws VerificationException {
    TxHeader h = tx.header();
    DualProof dp = ProtoDecoder.dualProof(answer.getDualProof());
    if (trusted.txId() <= h.id()) {
      sameHeader(dp.targetTxHeader(), h, "target");
      DualProofVerifier.verify(dp, trusted.txId(), h.id(), trusted.txHash(), h.alh());
      ImmuState next = new ImmuState(trusted.db(), h.id(), h.alh());
      checkSignature(next, answer);
      return next;
    }
    sameHeader(dp.sourceTxHeader(), h, "source");
    DualProofVerifier.verify(dp, h.id(), trusted.txId(), h.alh(), trusted.txHash());
    checkSignature(trusted, answer);
    return trusted;
  }

  /** Checks a signed state, e.g. the answer of {@code CurrentState}. */
  public void checkSignature(ImmuState state, Signature signature) throws VerificationException {
    if (serverSigningKey == null) {
      return;
    }
    if (signature == null || signature.getSignature().isEmpty()) {
      throw new VerificationException(
          Reason.SIGNATURE, "the server did not sign state " + state.txId() + " of " + state.db());
    }
    StateSignatures.verify(state, signature.getSignature().toByteArray(), serverSigningKey);
  }

  private void checkSignature(ImmuState state, VerifiableTx answer) throws VerificationException {
    checkSignature(state, answer.hasSignature() ? answer.getSignature() : null);
  }

  /** The tx's entries must hash to its {@code eH}, and their number must be its nEntries. */
  private static void checkEntries(Tx tx) throws VerificationException {
    TxChainVerifier.verifyEntries(tx, Sha256Hasher.create());
  }

  private static void checkContains(Tx tx, Expected e, Sha256Hasher hasher)
      throws VerificationException {
    Sha256Digest hValue = hasher.hash(e.storedValue());
    for (TxEntry te : tx.entries()) {
      if (te.keyEquals(e.storedKey())) {
        if (!te.hValue().equals(hValue) || te.vLen() != e.storedValue().length) {
          throw new VerificationException(
              Reason.ENTRY_MISMATCH,
              "tx " + tx.header().id() + " holds another value for the key written",
              null,
              hValue,
              te.hValue());
        }
        return;
      }
    }
    throw new VerificationException(
        Reason.ENTRY_MISMATCH,
        "tx "
            + tx.header().id()
            + " does not hold the key written ("
            + Arrays.toString(Arrays.copyOf(e.storedKey(), Math.min(16, e.storedKey().length)))
            + ")");
  }

  private static void sameHeader(TxHeader inProof, TxHeader inTx, String side)
      throws VerificationException {
    if (inProof.id() != inTx.id()) {
      throw new VerificationException(
          Reason.TX_ID_MISMATCH,
          "the dual proof's " + side + " is tx " + inProof.id() + ", the answer's tx " + inTx.id());
    }
    if (!inProof.alh().equals(inTx.alh())) {
      throw new VerificationException(
          Reason.ALH_MISMATCH,
          "the dual proof's " + side + " header differs from tx " + inTx.id() + "'s",
          null,
          inTx.alh(),
          inProof.alh());
    }
  }
}
