package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.client.ImmuClientException.UnavailableException;
import io.immudb.testkit.TestPki;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The SDK over TLS and mutual TLS against the real server on a loopback port. */
class TlsIT {
  @TempDir Path tmp;

  @RegisterExtension
  final ImmudbServerExtension immudb = ImmudbServerExtension.builder().manualStart().build();

  private TestPki.Setup pki;

  @BeforeEach
  void certificates() throws Exception {
    pki = TestPki.writeSetup(tmp.resolve("pki"));
  }

  private void start(boolean tls, boolean mtls) throws Exception {
    immudb.start(
        b -> {
          if (tls) {
            b.set("certificate", pki.serverCert()).set("pkey", pki.serverKey());
          }
          if (mtls) {
            b.set("clientcas", pki.caCert()).set("mtls", true);
          }
        });
  }

  private ImmuClientBuilder builder() {
    return ImmuClient.builder().address("127.0.0.1").port(immudb.port());
  }

  /** Logs in, writes and reads back with proofs. */
  private static void roundTrip(ImmuClientBuilder b) throws Exception {
    try (ImmuClient c = b.build()) {
      c.login("immudb", "immudb");
      c.verifiedSet("tls", "works");
      assertThat(c.verifiedGet("tls").valueAsString()).isEqualTo("works");
    }
  }

  /** A first call through {@code b} fails as unavailable, with {@code because} in its message. */
  private static void refused(ImmuClientBuilder b, String because) {
    try (ImmuClient c = b.build()) {
      assertThatThrownBy(c::health)
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining(because);
    }
  }

  @Test
  void tlsWithTheServersCaAndAServerNameOverride() throws Exception {
    start(true, false);
    roundTrip(builder().trustCertificates(pki.caCert()));
    roundTrip(builder().trustCertificates(pki.caCert()).serverName("localhost"));
    // A client certificate is not needed, but harmless, without --mtls.
    roundTrip(
        builder()
            .trustCertificates(pki.caCert())
            .clientCertificate(pki.clientCert(), pki.clientKey()));
  }

  @Test
  void theServerIsCheckedByCaAndByName() throws Exception {
    start(true, false);
    refused(
        builder().trustCertificates(pki.otherCaCert()),
        "unable to find valid certification path to requested target");
    refused(builder().useTls(), "unable to find valid certification path to requested target");
    refused(
        builder().trustCertificates(pki.caCert()).serverName("db.example.com"),
        "No subject alternative DNS name matching db.example.com found");
  }

  @Test
  void plaintextAndTlsDoNotMix() throws Exception {
    start(true, false);
    refused(builder(), "a TLS server does so to plaintext clients");
    immudb.stop();
    start(false, false);
    refused(builder().trustCertificates(pki.caCert()), "not an SSL/TLS record");
  }

  @Test
  void mutualTlsAdmitsOnlyClientsWithACertificateOfTheClientCa() throws Exception {
    start(true, true);
    roundTrip(
        builder()
            .trustCertificates(pki.caCert())
            .clientCertificate(pki.clientCert(), pki.clientKey()));
    refused(builder().trustCertificates(pki.caCert()), "ssl exception");
    refused(
        builder()
            .trustCertificates(pki.caCert())
            .clientCertificate(pki.otherClientCert(), pki.otherClientKey()),
        "ssl exception");
  }

  @Test
  void theSnippetOfTheTlsDocRuns() throws Exception {
    start(true, true);
    int port = immudb.port();
    Path caPem = pki.caCert();
    Path clientPem = pki.clientCert();
    Path clientKey = pki.clientKey();
    // DOC-BEGIN
    try (ImmuClient client =
        ImmuClient.builder()
            .address("127.0.0.1")
            .port(port)
            .trustCertificates(caPem) // the CA that signed the server certificate
            .clientCertificate(clientPem, clientKey) // for a server started with --mtls
            .serverName("localhost") // when the certificate names another host than address
            .build()) {
      client.login("immudb", "immudb");
      client.verifiedSet("hello", "over mutual TLS");
    }
    // DOC-END
  }

  @Test
  void theTlsDocShowsExactlyThisSnippet() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    String md = Files.readString(here.getParent().resolve("docs/ops/tls.md"));
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(md);
    StringBuilder blocks = new StringBuilder();
    while (m.find()) {
      blocks.append(m.group(1)).append('\n');
    }
    String src = Files.readString(here.resolve("src/test/java/io/immudb/client/TlsIT.java"));
    String snippet =
        src.substring(
            src.indexOf("// DOC-BEGIN") + "// DOC-BEGIN".length(), src.indexOf("// DOC-END"));
    assertThat(normalize(blocks.toString())).contains(normalize(snippet));
  }

  private static String normalize(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
