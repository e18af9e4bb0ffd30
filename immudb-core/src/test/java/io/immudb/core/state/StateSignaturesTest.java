package io.immudb.core.state;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.vectors.VectorFiles;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class StateSignaturesTest {
  private static final JsonNode V = VectorFiles.load("spec/13.7-state-signature.json");
  private static final ImmuState STATE =
      new ImmuState(V.get("db").asText(), V.get("txId").asLong(), digest(V.get("txHash")));

  @Test
  void specVector13_7_payloadAndDigest() {
    assertThat(StateSignatures.payload(STATE)).isEqualTo(hex(V.get("payload")));
    assertThat(StateSignatures.digest(STATE)).isEqualTo(digest(V.get("digest")));
  }

  @Test
  void signThenVerifyWithTheUncompressedPoint() throws Exception {
    KeyPair kp = p256();
    byte[] sig = StateSignatures.sign(STATE, kp.getPrivate());
    byte[] point = StateSignatures.publicKeyBytes((ECPublicKey) kp.getPublic());
    assertThat(point).hasSize(65);
    assertThat(point[0]).isEqualTo((byte) 4);
    assertThat(sig[0]).as("DER SEQUENCE").isEqualTo((byte) 0x30);
    StateSignatures.verify(STATE, sig, point);

    ImmuState other = new ImmuState("defaultdb", 3, STATE.txHash());
    expectSignature(() -> StateSignatures.verify(other, sig, point));
    ImmuState otherHash = new ImmuState("defaultdb", 2, Sha256Digest.ZERO);
    expectSignature(() -> StateSignatures.verify(otherHash, sig, point));
    byte[] otherKey = StateSignatures.publicKeyBytes((ECPublicKey) p256().getPublic());
    expectSignature(() -> StateSignatures.verify(STATE, sig, otherKey));
  }

  @Test
  void malformedSignaturesAndPointsAreRejected() throws Exception {
    KeyPair kp = p256();
    byte[] sig = StateSignatures.sign(STATE, kp.getPrivate());
    byte[] point = StateSignatures.publicKeyBytes((ECPublicKey) kp.getPublic());
    byte[] garbled = sig.clone();
    garbled[1] ^= 0x7f;
    expectSignature(() -> StateSignatures.verify(STATE, garbled, point));
    byte[] offCurve = point.clone();
    offCurve[64] ^= 1;
    expectSignature(() -> StateSignatures.verify(STATE, sig, offCurve));
    byte[] compressed = new byte[33];
    compressed[0] = 2;
    expectSignature(() -> StateSignatures.verify(STATE, sig, compressed));
    expectSignature(() -> StateSignatures.verify(STATE, null, point));
  }

  private static KeyPair p256() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static void expectSignature(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
  }
}
