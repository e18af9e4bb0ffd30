package io.immudb.legacy;

/**
 * A root signature (spec v0.8 §5): DER ECDSA P-256 over SHA-256 of the {@code RootIndex} bytes, and
 * the signer's uncompressed public point. Thread-safe (immutable; arrays copied in and out).
 *
 * @param signature the DER signature
 * @param publicKey {@code 0x04 ‖ X ‖ Y}, 65 bytes
 */
public record LegacySignature(byte[] signature, byte[] publicKey) {
  public LegacySignature {
    signature = signature.clone();
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LegacySignature s
        && java.util.Arrays.equals(signature, s.signature)
        && java.util.Arrays.equals(publicKey, s.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(signature) + java.util.Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "LegacySignature{" + signature.length + "B}";
  }
}
