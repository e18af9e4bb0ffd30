package io.immudb.server.tls;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The server's TLS identity, loaded from the PEM files of {@code --certificate} (the chain, leaf
 * first), {@code --pkey} (its private key) and, under mutual TLS ({@code --mtls}), {@code
 * --clientcas} (the CAs client certificates must chain to). Immutable and thread-safe.
 *
 * <p>The gRPC endpoint uses {@link #grpcCredentials()}. Any other TLS endpoint of the server (e.g.
 * HTTPS metrics) uses {@link #sslContext()} and {@link #sslParameters}, which require a client
 * certificate exactly when gRPC does:
 *
 * <pre>{@code
 * SSLContext ctx = tls.sslContext();
 * HttpsServer https = HttpsServer.create(address, 0);
 * https.setHttpsConfigurator(new HttpsConfigurator(ctx) {
 *   public void configure(HttpsParameters p) { p.setSSLParameters(tls.sslParameters(ctx)); }
 * });
 * }</pre>
 */
public final class ServerTls {
  /** Password of the in-memory key store; it never leaves this object. */
  private static final char[] STORE_PASSWORD = "immudb".toCharArray();

  private final List<X509Certificate> chain;
  private final PrivateKey key;
  private final List<X509Certificate> clientCas;
  private final boolean mutual;

  private ServerTls(
      List<X509Certificate> chain,
      PrivateKey key,
      List<X509Certificate> clientCas,
      boolean mutual) {
    this.chain = chain;
    this.key = key;
    this.clientCas = clientCas;
    this.mutual = mutual;
  }

  /**
   * The TLS setting the server flags describe: empty for plaintext (neither {@code certificate} nor
   * {@code pkey} given and {@code mtls} off). {@code clientCas} is read only when {@code mtls} is
   * on.
   *
   * @param certificate {@code --certificate}, or {@code null}
   * @param pkey {@code --pkey}, or {@code null}
   * @param clientCas {@code --clientcas}, or {@code null}
   * @param mtls {@code --mtls}
   * @throws TlsFileException naming the flag, if a flag needed by another is missing, or a file
   *     can't be read, holds no valid PEM, or the key does not belong to the certificate
   */
  public static Optional<ServerTls> fromFlags(
      Path certificate, Path pkey, Path clientCas, boolean mtls) {
    if (certificate == null && pkey == null && !mtls) {
      return Optional.empty();
    }
    if (mtls && clientCas == null) {
      throw new TlsFileException(
          "clientcas",
          "--mtls needs --clientcas: the PEM bundle of the CAs that sign client certificates");
    }
    if (certificate == null) {
      throw new TlsFileException(
          "certificate",
          (pkey != null ? "--pkey" : "--mtls")
              + " needs --certificate: the PEM certificate chain of the server");
    }
    if (pkey == null) {
      throw new TlsFileException(
          "pkey", "--certificate needs --pkey: the PEM private key of the server certificate");
    }
    List<X509Certificate> chain = PemFiles.certificates(certificate, "certificate");
    PrivateKey key = PemFiles.privateKey(pkey, "pkey");
    checkKeyMatches(key, chain.get(0), certificate, pkey);
    List<X509Certificate> cas = mtls ? PemFiles.certificates(clientCas, "clientcas") : List.of();
    return Optional.of(new ServerTls(chain, key, cas, mtls));
  }

  /** Whether clients must present a certificate signed by one of {@link #clientCas()}. */
  public boolean mutual() {
    return mutual;
  }

  /** The server's certificate chain, leaf first. */
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  /** The CAs a client certificate must chain to; empty unless {@link #mutual()}. */
  public List<X509Certificate> clientCas() {
    return clientCas;
  }

  /** Credentials for a gRPC server: TLS, and a required, verified client certificate if mutual. */
  public ServerCredentials grpcCredentials() {
    TlsServerCredentials.Builder b = TlsServerCredentials.newBuilder().keyManager(keyManagers());
    if (mutual) {
      b.trustManager(trustManagers()).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    return b.build();
  }

  /**
   * A new TLS {@code SSLContext} presenting the server certificate and, if mutual, trusting only
   * the client CAs. Whether a client certificate is required is set per connection: use {@link
   * #sslParameters(SSLContext)}.
   */
  public SSLContext sslContext() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keyManagers(), mutual ? trustManagers() : null, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The default parameters of {@code context}, requiring a client certificate if mutual. */
  public SSLParameters sslParameters(SSLContext context) {
    SSLParameters p = Objects.requireNonNull(context, "context").getDefaultSSLParameters();
    p.setNeedClientAuth(mutual);
    return p;
  }

  /** One line for the startup log, e.g. {@code mutual TLS, certificate CN=localhost, ...}. */
  public String describe() {
    X509Certificate leaf = chain.get(0);
    return (mutual ? "mutual TLS (client certificates required)" : "TLS")
        + ", certificate "
        + leaf.getSubjectX500Principal().getName()
        + ", valid until "
        + leaf.getNotAfter().toInstant();
  }

  private KeyManager[] keyManagers() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", key, STORE_PASSWORD, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, STORE_PASSWORD);
      return kmf.getKeyManagers();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the server key manager: " + e.getMessage(), e);
    }
  }

  private TrustManager[] trustManagers() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (int i = 0; i < clientCas.size(); i++) {
        ks.setCertificateEntry("ca-" + i, clientCas.get(i));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      return tmf.getTrustManagers();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(
          "cannot build the client CA trust manager: " + e.getMessage(), e);
    }
  }

  /** Signs and verifies a probe, so a key of another certificate fails at start, not per call. */
  private static void checkKeyMatches(
      PrivateKey key, X509Certificate leaf, Path certificate, Path pkey) {
    String alg =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          case "Ed448" -> "Ed448";
          default -> null;
        };
    if (alg == null) {
      return; // Left to the handshake: no probe for this key type.
    }
    boolean ok;
    try {
      byte[] probe = "immudb tls key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(alg);
      s.initSign(key);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(leaf.getPublicKey());
      v.update(probe);
      ok = v.verify(sig);
    } catch (GeneralSecurityException e) {
      ok = false;
    }
    if (!ok) {
      throw new TlsFileException(
          "pkey",
          "--pkey "
              + pkey
              + " is not the private key of the first certificate in --certificate "
              + certificate);
    }
  }
}
