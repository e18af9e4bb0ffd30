package io.immudb.server.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.immudb.legacy.LegacySignature;
import io.immudb.legacy.proto.LegacyProto.RootIndex;
import io.immudb.server.signing.StateSigner;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code CurrentRoot} signing of the v0.8 API (spec v0.8 §5, vector §8.6). */
class LegacyRootSigningTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SPKI_P256 =
      HEX.parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

  @TempDir Path tmp;

  /** Verifies as spec §5's auditor does: the key is the 65-byte point carried with the root. */
  private static boolean verifies(byte[] payload, byte[] signature, byte[] point) throws Exception {
    byte[] spki = new byte[SPKI_P256.length + point.length];
    System.arraycopy(SPKI_P256, 0, spki, 0, SPKI_P256.length);
    System.arraycopy(point, 0, spki, SPKI_P256.length, point.length);
    PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initVerify(key);
    s.update(payload);
    return s.verify(signature);
  }

  @Test
  void theSpecVectorVerifiesAndItsPayloadIsOurRootIndex() throws Exception {
    byte[] root5 = HEX.parseHex("6ff1ff387d6fd5dc60b3b1ed6771818a3826bf01d3a34f2739a067700bb6e7a5");
    byte[] payload =
        RootIndex.newBuilder()
            .setIndex(4)
            .setRoot(ByteString.copyFrom(root5))
            .build()
            .toByteArray();
    assertThat(HEX.formatHex(payload)).isEqualTo("08041220" + HEX.formatHex(root5));
    byte[] point =
        HEX.parseHex(
            "04fa34e5347fa62ffd8cbd4ece0a799aaba490f9733ab1eeb82bf21272ae3633cb13b52116970f608c82"
                + "4c891bddc212418b7b909e4da2d1cc817cd5ca9b2e62e3");
    byte[] sig =
        HEX.parseHex(
            "30460221008514216aed0003a44e758b4bdf10bc51e90fcf6bc22f26fe8307db0a174e3765022100adc2"
                + "dd20a80de093d907e8c99d08d86fa368f7890aa09394253b9aba148fcd75");
    assertThat(verifies(payload, sig, point)).isTrue();
    payload[payload.length - 1] ^= 1;
    assertThat(verifies(payload, sig, point)).isFalse();
  }

  @Test
  void rootsAreSignedWithTheServersKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair kp = g.generateKeyPair();
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
      w.writeObject(kp); // "EC PRIVATE KEY", as openssl ecparam -genkey -noout writes it
    }
    Path key = tmp.resolve("ec.key");
    Files.writeString(key, pem.toString());
    ServerLegacyHost host =
        new ServerLegacyHost(null, null, null, true, false, Optional.of(StateSigner.load(key)));
    byte[] payload = RootIndex.newBuilder().setIndex(7).build().toByteArray();
    LegacySignature s = host.signRoot(payload).orElseThrow();
    assertThat(s.publicKey()).hasSize(65).startsWith((byte) 0x04);
    assertThat(verifies(payload, s.signature(), s.publicKey())).isTrue();
    ServerLegacyHost unsigned =
        new ServerLegacyHost(null, null, null, true, false, Optional.empty());
    assertThat(unsigned.signRoot(payload)).isEmpty();
  }
}
