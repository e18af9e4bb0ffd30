package io.immudb.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.testkit.TestPki;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {
  @TempDir static Path tmp;
  private static TestPki.Setup pki;

  @BeforeAll
  static void certificates() throws Exception {
    pki = TestPki.writeSetup(tmp.resolve("pki"));
  }

  @Test
  void noFlagsMeansPlaintext() {
    assertThat(ServerTls.fromFlags(null, null, null, false)).isEmpty();
  }

  @Test
  void loadsAChainAndATraditionalEcKey() {
    ServerTls tls = ServerTls.fromFlags(pki.serverCert(), pki.serverKey(), null, false).get();
    assertThat(tls.mutual()).isFalse();
    assertThat(tls.certificateChain()).hasSize(2);
    assertThat(tls.certificateChain().get(0).getSubjectX500Principal().getName())
        .isEqualTo("CN=localhost");
    assertThat(tls.clientCas()).isEmpty();
    assertThat(tls.describe()).startsWith("TLS, certificate CN=localhost, valid until ");
    assertThat(tls.grpcCredentials()).isNotNull();
  }

  @Test
  void loadsPkcs8AndTraditionalRsaKeys() throws Exception {
    TestPki ca = TestPki.newCa("rsa test CA");
    TestPki.Issued rsa = ca.issueServer("localhost", true);
    Path cert = TestPki.writeCertificates(tmp.resolve("rsa.pem"), rsa.cert());
    Path pkcs1 = TestPki.writeKey(tmp.resolve("rsa.key"), rsa.keys().getPrivate(), false);
    Path pkcs8 = TestPki.writeKey(tmp.resolve("rsa.pk8"), rsa.keys().getPrivate(), true);
    assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Files.readString(pkcs8)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(pki.serverKey())).startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(ServerTls.fromFlags(cert, pkcs1, null, false)).isPresent();
    assertThat(ServerTls.fromFlags(cert, pkcs8, null, false)).isPresent();
  }

  @Test
  void mutualTlsLoadsTheClientCasAndRequiresClientCertificates() {
    ServerTls tls =
        ServerTls.fromFlags(pki.serverCert(), pki.serverKey(), pki.caCert(), true).get();
    assertThat(tls.mutual()).isTrue();
    assertThat(tls.clientCas()).hasSize(1);
    assertThat(tls.describe()).startsWith("mutual TLS (client certificates required)");
    SSLContext ctx = tls.sslContext();
    assertThat(ctx.getProtocol()).isEqualTo("TLS");
    assertThat(tls.sslParameters(ctx).getNeedClientAuth()).isTrue();
  }

  @Test
  void withoutMtlsTheSslContextAsksForNoClientCertificate() {
    ServerTls tls =
        ServerTls.fromFlags(pki.serverCert(), pki.serverKey(), pki.caCert(), false).get();
    assertThat(tls.clientCas()).isEmpty();
    assertThat(tls.sslParameters(tls.sslContext()).getNeedClientAuth()).isFalse();
  }

  @Test
  void flagsThatNeedAnotherNameIt() {
    assertFails(pki.serverCert(), null, null, false, "pkey", "--certificate needs --pkey");
    assertFails(null, pki.serverKey(), null, false, "certificate", "--pkey needs --certificate");
    assertFails(
        pki.serverCert(), pki.serverKey(), null, true, "clientcas", "--mtls needs --clientcas");
    assertFails(null, null, pki.caCert(), true, "certificate", "--mtls needs --certificate");
  }

  @Test
  void unreadableAndInvalidFilesNameTheFlag() throws Exception {
    Path missing = tmp.resolve("missing.pem");
    assertFails(missing, pki.serverKey(), null, false, "certificate", "--certificate " + missing);
    assertFails(pki.serverCert(), missing, null, false, "pkey", "cannot read the file");

    Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "not a certificate\n");
    assertFails(
        garbage, pki.serverKey(), null, false, "certificate", "no PEM CERTIFICATE block found");
    assertFails(pki.serverCert(), garbage, null, false, "pkey", "no PEM private key found");
    assertFails(
        pki.serverCert(), pki.serverKey(), garbage, true, "clientcas", "--clientcas " + garbage);

    Path broken =
        Files.writeString(
            tmp.resolve("broken.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertFails(
        broken, pki.serverKey(), null, false, "certificate", "not a valid PEM certificate file");
    // A certificate where the key should be.
    assertFails(pki.serverCert(), pki.caCert(), null, false, "pkey", "no PEM private key found");
  }

  @Test
  void anEncryptedKeyIsRefusedWithAHint() throws Exception {
    TestPki.Issued s = TestPki.newCa("enc CA").issueServer("localhost", false);
    Path cert = TestPki.writeCertificates(tmp.resolve("enc.pem"), s.cert());
    Path key = tmp.resolve("enc.key");
    try (Writer w = Files.newBufferedWriter(key, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(
          new JcaPKCS8Generator(
              s.keys().getPrivate(),
              new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                  .setProvider(new BouncyCastleProvider())
                  .setPassword("secret".toCharArray())
                  .build()));
    }
    assertFails(cert, key, null, false, "pkey", "the private key is encrypted");
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() {
    assertFails(
        pki.serverCert(),
        pki.clientKey(),
        null,
        false,
        "pkey",
        "is not the private key of the first certificate in --certificate");
  }

  private static void assertFails(
      Path cert, Path key, Path cas, boolean mtls, String flag, String message) {
    assertThatThrownBy(() -> ServerTls.fromFlags(cert, key, cas, mtls))
        .isInstanceOfSatisfying(TlsFileException.class, e -> assertThat(e.flag()).isEqualTo(flag))
        .hasMessageContaining(message);
  }
}
