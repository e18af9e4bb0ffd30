package io.immudb.core.ahtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The reject rules of spec v1 §6.3–§6.5 and the strictness rule, case by case. */
class AhtVerifierTest {
  private final InMemoryAhTree t = AhtProofsTest.syntheticTree(13);

  private Sha256Digest alh(long i) {
    byte[] p = new byte[32];
    java.util.Arrays.fill(p, (byte) i);
    return Sha256Digest.of(p);
  }

  private Sha256Digest root(long n) {
    return AhtProofs.root(t, n);
  }

  @Test
  void inclusionRejectRules() {
    List<Sha256Digest> p = AhtProofs.inclusion(t, 3, 7);
    expect(Reason.MALFORMED_PROOF, () -> AhtVerifier.verifyInclusion(p, 0, 7, alh(3), root(7)));
    expect(Reason.MALFORMED_PROOF, () -> AhtVerifier.verifyInclusion(p, 8, 7, alh(3), root(7)));
    expect(
        Reason.MALFORMED_PROOF,
        () -> AhtVerifier.verifyInclusion(List.of(), 3, 7, alh(3), root(7)));
    expect(Reason.MALFORMED_PROOF, () -> AhtVerifier.verifyInclusion(null, 3, 7, alh(3), root(7)));
    expect(Reason.AHT_INCLUSION, () -> AhtVerifier.verifyInclusion(p, 3, 7, alh(4), root(7)));
    List<Sha256Digest> padded = new ArrayList<>(p);
    padded.add(root(7));
    expect(
        Reason.MALFORMED_PROOF, () -> AhtVerifier.verifyInclusion(padded, 3, 7, alh(3), root(7)));
  }

  @Test
  void inclusionOfTheOnlyLeafIsEmpty() throws Exception {
    AhtVerifier.verifyInclusion(List.of(), 1, 1, alh(1), root(1));
    expect(
        Reason.AHT_INCLUSION, () -> AhtVerifier.verifyInclusion(List.of(), 1, 1, alh(2), root(1)));
  }

  @Test
  void sizeChangeWithTheSamePathShapeCannotBeDetected() throws Exception {
    // INCL(1, 3) = [h2, h3] is also the shape of INCL(1, 4); the verifier cannot know that h3
    // stands where NODE(h3, h4) should. Tree size is bound to the root by the header instead.
    List<Sha256Digest> p = AhtProofs.inclusion(t, 1, 3);
    AhtVerifier.verifyInclusion(p, 1, 4, alh(1), root(3));
  }

  @Test
  void consistencyRejectRules() throws Exception {
    List<Sha256Digest> p = AhtProofs.consistency(t, 5, 11);
    expect(
        Reason.MALFORMED_PROOF, () -> AhtVerifier.verifyConsistency(p, 0, 11, root(5), root(11)));
    expect(
        Reason.MALFORMED_PROOF, () -> AhtVerifier.verifyConsistency(p, 12, 11, root(5), root(11)));
    expect(
        Reason.MALFORMED_PROOF,
        () -> AhtVerifier.verifyConsistency(List.of(), 5, 11, root(5), root(11)));
    expect(
        Reason.AHT_CONSISTENCY, () -> AhtVerifier.verifyConsistency(p, 5, 11, root(6), root(11)));
    expect(
        Reason.AHT_CONSISTENCY, () -> AhtVerifier.verifyConsistency(p, 5, 11, root(5), root(12)));
    AhtVerifier.verifyConsistency(p, 5, 11, root(5), root(11));
  }

  @Test
  void consistencyOfEqualSizesAcceptsTwoTermsOrNone() throws Exception {
    for (long n = 1; n <= 13; n++) {
      AhtVerifier.verifyConsistency(AhtProofs.consistency(t, n, n), n, n, root(n), root(n));
      AhtVerifier.verifyConsistency(List.of(), n, n, root(n), root(n));
    }
    expect(
        Reason.AHT_CONSISTENCY,
        () -> AhtVerifier.verifyConsistency(List.of(), 4, 4, root(4), root(5)));
    expect(
        Reason.MALFORMED_PROOF,
        () -> AhtVerifier.verifyConsistency(List.of(root(1)), 1, 1, root(1), root(1)));
  }

  @Test
  void lastInclusionRejectRules() throws Exception {
    List<Sha256Digest> p = AhtProofs.lastInclusion(t, 13);
    AhtVerifier.verifyLastInclusion(p, 13, alh(13), root(13));
    expect(Reason.MALFORMED_PROOF, () -> AhtVerifier.verifyLastInclusion(p, 0, alh(13), root(13)));
    expect(
        Reason.AHT_LAST_INCLUSION, () -> AhtVerifier.verifyLastInclusion(p, 13, alh(12), root(13)));
    // LAST(12) has a different term count than LAST(13).
    expect(Reason.MALFORMED_PROOF, () -> AhtVerifier.verifyLastInclusion(p, 12, alh(13), root(13)));
  }

  @Test
  void computeOnlyVariantsMatchTheRoots() {
    var h = io.immudb.core.crypto.Sha256Hasher.create();
    assertThat(AhtVerifier.rootFromInclusion(AhtProofs.inclusion(t, 6, 13), 6, 13, alh(6), h))
        .isEqualTo(root(13));
    assertThat(AhtVerifier.rootFromLastInclusion(AhtProofs.lastInclusion(t, 9), alh(9), h))
        .isEqualTo(root(9));
    assertThat(AhtVerifier.rootsFromConsistency(AhtProofs.consistency(t, 6, 13), 6, 13, h))
        .isEqualTo(new ConsistencyRoots(root(6), root(13)));
  }

  private static void expect(Reason reason, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
