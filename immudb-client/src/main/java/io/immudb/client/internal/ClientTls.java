package io.immudb.client.internal;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material of the SDK, read with the JDK alone (the client depends on gRPC and protobuf only):
 * PEM certificates, PKCS#8 private keys, and the gRPC channel credentials made of them. Stateless.
 */
public final class ClientTls {
  private static final Pattern KEY_BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
  private static final char[] STORE_PASSWORD = "immudb".toCharArray();

  private ClientTls() {}

  /**
   * The certificates in the PEM file {@code file}, in order.
   *
   * @throws UncheckedIOException if the file can't be read
   * @throws IllegalArgumentException if it holds no valid PEM certificate
   */
  public static List<X509Certificate> readCertificates(Path file) {
    byte[] pem = read(file, "certificate file");
    List<X509Certificate> certs = new ArrayList<>();
    try {
      for (Certificate c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem))) {
        certs.add((X509Certificate) c);
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          file + ": not a valid PEM certificate file (" + e.getMessage() + ")", e);
    }
    if (certs.isEmpty()) {
      throw new IllegalArgumentException(file + ": no PEM CERTIFICATE block found");
    }
    return List.copyOf(certs);
  }

  /**
   * The unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}) in {@code file}: RSA,
   * EC or Ed25519.
   *
   * @throws UncheckedIOException if the file can't be read
   * @throws IllegalArgumentException if it holds no such key; for the traditional OpenSSL forms
   *     ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}) and encrypted keys the message says how
   *     to convert them with {@code openssl pkcs8}
   */
  public static PrivateKey readPkcs8Key(Path file) {
    String pem = new String(read(file, "private key file"), StandardCharsets.US_ASCII);
    Matcher m = KEY_BLOCK.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(file + ": no PEM private key found");
    }
    if (!m.group(1).equals("PRIVATE KEY")) {
      throw new IllegalArgumentException(
          file
              + ": a "
              + m.group(1)
              + " is not supported; convert it to unencrypted PKCS#8 with "
              + "openssl pkcs8 -topk8 -nocrypt -in <key> -out <key.pk8>");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": the private key is not valid base64", e);
    }
    for (String alg : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // Not this algorithm: try the next one.
      }
    }
    throw new IllegalArgumentException(file + ": not an RSA, EC or Ed25519 PKCS#8 private key");
  }

  /**
   * TLS channel credentials: trusting {@code trusted} only (or the JDK's default CAs when {@code
   * null}), and presenting {@code chain} with {@code key} if they are not {@code null}.
   */
  public static ChannelCredentials credentials(
      List<X509Certificate> trusted, List<X509Certificate> chain, PrivateKey key) {
    TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
    try {
      if (trusted != null) {
        KeyStore ks = emptyStore();
        for (int i = 0; i < trusted.size(); i++) {
          ks.setCertificateEntry("ca-" + i, trusted.get(i));
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        b.trustManager(tmf.getTrustManagers());
      }
      if (chain != null) {
        KeyStore ks = emptyStore();
        ks.setKeyEntry("client", key, STORE_PASSWORD, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD);
        b.keyManager(kmf.getKeyManagers());
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK cannot set up TLS: " + e.getMessage(), e);
    }
    return b.build();
  }

  /**
   * Checks that {@code key} belongs to the first certificate of {@code chain} by signing a probe,
   * so a mixed-up pair fails here rather than in every handshake.
   *
   * @throws IllegalArgumentException if it does not
   */
  public static void checkKeyMatches(PrivateKey key, List<X509Certificate> chain) {
    String alg =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default -> null;
        };
    if (alg == null) {
      return; // No probe for this key type: left to the handshake.
    }
    boolean ok;
    try {
      byte[] probe = "immudb client key check".getBytes(StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(alg);
      s.initSign(key);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(chain.get(0).getPublicKey());
      v.update(probe);
      ok = v.verify(sig);
    } catch (GeneralSecurityException e) {
      ok = false;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "the client private key does not belong to the client certificate "
              + chain.get(0).getSubjectX500Principal().getName());
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    return ks;
  }

  private static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("can't read the " + what + " " + file, e);
    }
  }
}
