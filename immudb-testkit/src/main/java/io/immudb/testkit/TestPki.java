package io.immudb.testkit;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A throw-away certificate authority for tests, built with BouncyCastle at test time: a CA that
 * issues server certificates (SAN {@code localhost} and {@code 127.0.0.1}) and client certificates.
 * Keys are EC P-256 unless RSA is asked for. Not thread-safe.
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private final X500Name name;
  private final KeyPair keys;
  private final X509Certificate cert;

  /** A certificate and its key pair. */
  public record Issued(X509Certificate cert, KeyPair keys) {}

  /** The files of a complete test setup, as {@link #writeSetup} lays them out. */
  public record Setup(
      Path caCert,
      Path serverCert,
      Path serverKey,
      Path clientCert,
      Path clientKey,
      Path otherCaCert,
      Path otherClientCert,
      Path otherClientKey) {}

  private TestPki(X500Name name, KeyPair keys, X509Certificate cert) {
    this.name = name;
    this.keys = keys;
    this.cert = cert;
  }

  /** A new self-signed CA named {@code CN=<commonName>}. */
  public static TestPki newCa(String commonName) {
    KeyPair kp = ecKeyPair();
    X500Name n = new X500Name("CN=" + commonName);
    X509v3CertificateBuilder b = builder(n, n, kp);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new TestPki(n, kp, sign(b, kp.getPrivate()));
  }

  /**
   * Writes a CA, a server and a client certificate, and a client of another CA, into {@code dir}.
   */
  public static Setup writeSetup(Path dir) throws IOException {
    Files.createDirectories(dir);
    TestPki ca = newCa("immudb test CA");
    TestPki other = newCa("unknown CA");
    Issued server = ca.issueServer("localhost", false);
    Issued client = ca.issueClient("immudb client");
    Issued stranger = other.issueClient("stranger");
    Setup s =
        new Setup(
            dir.resolve("ca.pem"),
            dir.resolve("server.pem"),
            dir.resolve("server.key"),
            dir.resolve("client.pem"),
            dir.resolve("client.key"),
            dir.resolve("other-ca.pem"),
            dir.resolve("other-client.pem"),
            dir.resolve("other-client.key"));
    writeCertificates(s.caCert(), ca.cert());
    writeCertificates(s.serverCert(), server.cert(), ca.cert());
    writeKey(s.serverKey(), server.keys().getPrivate(), false);
    writeCertificates(s.clientCert(), client.cert());
    writeKey(s.clientKey(), client.keys().getPrivate(), true);
    writeCertificates(s.otherCaCert(), other.cert());
    writeCertificates(s.otherClientCert(), stranger.cert());
    writeKey(s.otherClientKey(), stranger.keys().getPrivate(), true);
    return s;
  }

  /** This CA's own certificate. */
  public X509Certificate cert() {
    return cert;
  }

  /** A server certificate for {@code cn}, with SAN DNS localhost and IP 127.0.0.1. */
  public Issued issueServer(String cn, boolean rsa) {
    KeyPair kp = rsa ? rsaKeyPair() : ecKeyPair();
    X509v3CertificateBuilder b = builder(name, new X500Name("CN=" + cn), kp);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
              }));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Issued(sign(b, keys.getPrivate()), kp);
  }

  /** A client certificate for {@code cn}. */
  public Issued issueClient(String cn) {
    KeyPair kp = ecKeyPair();
    X509v3CertificateBuilder b = builder(name, new X500Name("CN=" + cn), kp);
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Issued(sign(b, keys.getPrivate()), kp);
  }

  /** A TLS server context presenting {@code server} (issued by this CA) and this CA's cert. */
  public SSLContext serverContext(Issued server) {
    try {
      char[] password = "changeit".toCharArray();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(
          "server",
          server.keys().getPrivate(),
          password,
          new X509Certificate[] {server.cert(), cert});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A TLS client context that trusts this CA only. */
  public SSLContext clientContext() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("ca", cert);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code certs} as consecutive PEM CERTIFICATE blocks. */
  public static Path writeCertificates(Path file, X509Certificate... certs) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      for (X509Certificate c : certs) {
        pem.writeObject(c);
      }
    }
    return file;
  }

  /**
   * Writes {@code key} unencrypted: PKCS#8 ({@code PRIVATE KEY}) or the traditional OpenSSL form
   * ({@code RSA PRIVATE KEY} / {@code EC PRIVATE KEY}).
   */
  public static Path writeKey(Path file, PrivateKey key, boolean pkcs8) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      if (pkcs8) {
        pem.writeObject(new JcaPKCS8Generator(key, null));
      } else if (key.getAlgorithm().equals("EC")) {
        pem.writeObject(new PemObject("EC PRIVATE KEY", sec1(key)));
      } else {
        pem.writeObject(key);
      }
    }
    return file;
  }

  /**
   * The SEC1 encoding of an EC key as {@code openssl ecparam -genkey} writes it: with the curve in
   * the structure (the JDK's PKCS#8 keeps it only in the algorithm identifier).
   */
  private static byte[] sec1(PrivateKey key) throws IOException {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
    return new ECPrivateKey(
            256,
            inner.getKey(),
            inner.getPublicKey(),
            info.getPrivateKeyAlgorithm().getParameters())
        .getEncoded();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair kp) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))),
        subject,
        kp.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey) {
    try {
      String alg = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(issuerKey)));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
