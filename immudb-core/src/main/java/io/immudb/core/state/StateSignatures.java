package io.immudb.core.state;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;
import java.util.Objects;

/**
 * Signatures over a database state (spec v1 §8.3): ECDSA P-256 with SHA-256, DER-encoded, public
 * keys as uncompressed SEC1 points.
 *
 * <p>Thread-safe (stateless; JCA objects are created per call).
 *
 * <pre>
 * payload = u32(len(dbUtf8)) ‖ dbUtf8 ‖ u64(txId) ‖ txHash       digest = H(payload)
 * </pre>
 */
public final class StateSignatures {
  private static final String ALGORITHM = "SHA256withECDSA";
  private static final String CURVE = "secp256r1";
  private static final int COORD = 32;

  private StateSignatures() {}

  /** The signed payload of {@code s} (spec v1 §8.3 step 1). */
  public static byte[] payload(ImmuState s) {
    byte[] db = s.db().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + db.length + 8 + Sha256Digest.LENGTH)
        .putInt(db.length)
        .put(db)
        .putLong(s.txId())
        .put(s.txHash().toByteArray())
        .array();
  }

  /** {@code H(payload(s))} (spec v1 §8.3 step 2): the digest ECDSA signs. */
  public static Sha256Digest digest(ImmuState s) {
    return Sha256Hasher.create().hash(payload(s));
  }

  /**
   * Signs {@code s} with an EC private key (spec v1 §8.3 step 3). Returns the ASN.1 DER {@code
   * SEQUENCE { r, s }}. Signatures are randomised.
   *
   * @throws IllegalArgumentException if the key cannot sign with ECDSA
   */
  public static byte[] sign(ImmuState s, PrivateKey key) {
    Objects.requireNonNull(key, "key");
    try {
      Signature sig = Signature.getInstance(ALGORITHM);
      sig.initSign(key);
      sig.update(payload(s));
      return sig.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign the state with this key", e);
    }
  }

  /**
   * The uncompressed SEC1 point {@code 0x04 ‖ X ‖ Y} of a P-256 public key (65 bytes, spec v1 §8.3
   * step 4). Requires a key on a 256-bit curve.
   */
  public static byte[] publicKeyBytes(ECPublicKey key) {
    if (key.getParams().getCurve().getField().getFieldSize() != 8 * COORD) {
      throw new IllegalArgumentException("not a P-256 key");
    }
    ECPoint w = key.getW();
    byte[] out = new byte[1 + 2 * COORD];
    out[0] = 0x04;
    putCoordinate(w.getAffineX(), out, 1);
    putCoordinate(w.getAffineY(), out, 1 + COORD);
    return out;
  }

  /**
   * Checks a DER signature over {@code s} against an uncompressed P-256 point.
   *
   * @throws VerificationException {@code SIGNATURE} if the point is not a P-256 point or the
   *     signature does not verify
   */
  public static void verify(ImmuState s, byte[] signature, byte[] publicKeyPoint)
      throws VerificationException {
    Objects.requireNonNull(s, "state");
    if (signature == null || publicKeyPoint == null) {
      throw new VerificationException(Reason.SIGNATURE, "missing signature or public key");
    }
    boolean ok;
    try {
      Signature sig = Signature.getInstance(ALGORITHM);
      sig.initVerify(decodePoint(publicKeyPoint));
      sig.update(payload(s));
      ok = sig.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      VerificationException ve =
          new VerificationException(Reason.SIGNATURE, "bad state signature: " + e.getMessage());
      ve.initCause(e);
      throw ve;
    }
    if (!ok) {
      throw new VerificationException(Reason.SIGNATURE, "state signature does not verify");
    }
  }

  private static PublicKey decodePoint(byte[] point) throws GeneralSecurityException {
    if (point.length != 1 + 2 * COORD || point[0] != 0x04) {
      throw new IllegalArgumentException("not an uncompressed P-256 point");
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + COORD));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + COORD, point.length));
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec(CURVE));
    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
    requireOnCurve(spec.getCurve(), x, y);
    return KeyFactory.getInstance("EC")
        .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
  }

  /** Rejects points off the curve: y² = x³ + ax + b (mod p). */
  private static void requireOnCurve(EllipticCurve curve, BigInteger x, BigInteger y) {
    BigInteger p = ((ECFieldFp) curve.getField()).getP();
    if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      throw new IllegalArgumentException("point coordinate out of range");
    }
    BigInteger lhs = y.multiply(y).mod(p);
    BigInteger rhs = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
    if (!lhs.equals(rhs)) {
      throw new IllegalArgumentException("point is not on P-256");
    }
  }

  private static void putCoordinate(BigInteger v, byte[] out, int off) {
    byte[] b = v.toByteArray(); // big-endian, maybe with a sign byte, maybe short
    int len = Math.min(b.length, COORD);
    System.arraycopy(b, b.length - len, out, off + COORD - len, len);
  }
}
