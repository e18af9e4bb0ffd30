package io.immudb.server.signing;

import com.google.protobuf.ByteString;
import io.immudb.core.state.ImmuState;
import io.immudb.core.state.StateSignatures;
import io.immudb.proto.Signature;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Signs database states with the server's EC P-256 key (spec v1 §8.3): ECDSA over {@code
 * H(u32(len(db)) ‖ db ‖ u64(txId) ‖ txHash)}, DER-encoded, sent with the uncompressed public point.
 *
 * <p>Reads the key from a PEM file as {@code openssl ecparam -name prime256v1 -genkey -noout}
 * writes it (SEC1 {@code EC PRIVATE KEY}), or PKCS#8 ({@code PRIVATE KEY}). Thread-safe (immutable;
 * each signature uses a fresh {@code java.security.Signature}).
 */
public final class StateSigner {
  private final PrivateKey key;
  private final ByteString publicKey;

  private StateSigner(PrivateKey key, ECPublicKey pub) {
    this.key = key;
    this.publicKey = ByteString.copyFrom(StateSignatures.publicKeyBytes(pub));
  }

  /**
   * Loads the signing key from {@code pem}.
   *
   * @throws IOException if the file cannot be read or holds no EC P-256 private key
   */
  public static StateSigner load(Path pem) throws IOException {
    try (Reader r = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(r)) {
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
      Object o;
      while ((o = parser.readObject()) != null) {
        if (o instanceof PEMKeyPair kp) {
          if (kp.getPublicKeyInfo() == null) {
            // SEC1 keys may omit the public point (and the curve); rebuild both on P-256.
            PrivateKey k = p256(kp.getPrivateKeyInfo());
            return of(k, derivePublic(k));
          }
          KeyPair pair = conv.getKeyPair(kp);
          return of(pair.getPrivate(), (ECPublicKey) pair.getPublic());
        }
        if (o instanceof PrivateKeyInfo info) {
          PrivateKey k = conv.getPrivateKey(info);
          return of(k, derivePublic(k));
        }
        // Skip other objects, e.g. the "EC PARAMETERS" block openssl writes without -noout.
      }
    } catch (RuntimeException e) {
      throw new IOException(pem + ": not a usable EC private key: " + e.getMessage(), e);
    }
    throw new IOException(pem + ": no EC private key found");
  }

  /** The P-256 private key whose scalar is in {@code info} (a SEC1 structure). */
  private static PrivateKey p256(PrivateKeyInfo info) throws IOException {
    try {
      java.math.BigInteger d =
          org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
      java.security.AlgorithmParameters params =
          java.security.AlgorithmParameters.getInstance("EC");
      params.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
      java.security.spec.ECParameterSpec spec =
          params.getParameterSpec(java.security.spec.ECParameterSpec.class);
      return KeyFactory.getInstance("EC")
          .generatePrivate(new java.security.spec.ECPrivateKeySpec(d, spec));
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("cannot read the EC private key: " + e.getMessage(), e);
    }
  }

  private static StateSigner of(PrivateKey k, ECPublicKey pub) throws IOException {
    if (!(k instanceof ECPrivateKey ec)
        || ec.getParams().getCurve().getField().getFieldSize() != 256) {
      throw new IOException("the signing key must be an EC P-256 (prime256v1) private key");
    }
    return new StateSigner(k, pub);
  }

  private static ECPublicKey derivePublic(PrivateKey k) throws IOException {
    try {
      ECPrivateKey ec = (ECPrivateKey) k;
      ECNamedCurveParameterSpec spec = ECNamedCurveTable.getParameterSpec("prime256v1");
      org.bouncycastle.math.ec.ECPoint q = spec.getG().multiply(ec.getS()).normalize();
      java.security.spec.ECPoint w =
          new java.security.spec.ECPoint(
              q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
      return (ECPublicKey)
          KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ec.getParams()));
    } catch (java.security.GeneralSecurityException | ClassCastException e) {
      throw new IOException("cannot derive the public key: " + e.getMessage(), e);
    }
  }

  /**
   * A DER {@code SHA256withECDSA} signature of {@code message}: what the v0.8 API signs, the {@code
   * RootIndex} bytes of {@code CurrentRoot} (spec v0.8 §5).
   */
  public byte[] signBytes(byte[] message) {
    try {
      java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSA");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the loaded P-256 key", e);
    }
  }

  /** The uncompressed public point {@code 0x04 ‖ X ‖ Y} (65 bytes). */
  public byte[] publicKeyBytes() {
    return publicKey.toByteArray();
  }

  /** The signature of {@code state} (spec v1 §8.3). */
  public Signature sign(ImmuState state) {
    return Signature.newBuilder()
        .setPublicKey(publicKey)
        .setSignature(ByteString.copyFrom(StateSignatures.sign(state, key)))
        .build();
  }
}
