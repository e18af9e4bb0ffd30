package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.testkit.TestPki;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS settings of {@link ImmuClientBuilder}: PEM loading and its errors. */
class ClientTlsBuilderTest {
  @TempDir static Path tmp;
  private static TestPki.Setup pki;

  @BeforeAll
  static void certificates() throws Exception {
    pki = TestPki.writeSetup(tmp.resolve("pki"));
  }

  @Test
  void plaintextIsTheDefaultAndEveryTlsSettingTurnsTlsOn() {
    assertThat(ImmuClient.builder().tls).isFalse();
    assertThat(ImmuClient.builder().serverName("localhost").tls).isFalse();
    assertThat(ImmuClient.builder().useTls().tls).isTrue();
    ImmuClientBuilder b = ImmuClient.builder().trustCertificates(pki.caCert());
    assertThat(b.tls).isTrue();
    assertThat(b.trustedCertificates).hasSize(1);
    b = ImmuClient.builder().clientCertificate(pki.clientCert(), pki.clientKey());
    assertThat(b.tls).isTrue();
    assertThat(b.clientChain).hasSize(1);
    assertThat(b.clientKey.getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void aServerChainFileGivesAllItsCertificates() {
    assertThat(ImmuClient.builder().trustCertificates(pki.serverCert()).trustedCertificates)
        .hasSize(2);
  }

  @Test
  void unreadableAndInvalidFilesAreRefused() throws Exception {
    Path missing = tmp.resolve("missing.pem");
    assertThatThrownBy(() -> ImmuClient.builder().trustCertificates(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("can't read the certificate file " + missing);
    Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "hello\n");
    assertThatThrownBy(() -> ImmuClient.builder().trustCertificates(garbage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(garbage.toString());
    assertThatThrownBy(() -> ImmuClient.builder().clientCertificate(pki.clientCert(), garbage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(garbage + ": no PEM private key found");
  }

  @Test
  void traditionalKeysGetAConversionHint() {
    // The server key is written in the traditional "EC PRIVATE KEY" form.
    assertThatThrownBy(
            () -> ImmuClient.builder().clientCertificate(pki.serverCert(), pki.serverKey()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a EC PRIVATE KEY is not supported")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() {
    assertThatThrownBy(
            () -> ImmuClient.builder().clientCertificate(pki.clientCert(), pki.otherClientKey()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the client private key does not belong to the client certificate");
    assertThatThrownBy(
            () ->
                ImmuClient.builder()
                    .clientCertificate(
                        List.of(), TestPki.newCa("x").issueClient("y").keys().getPrivate()))
        .hasMessage("the client certificate chain is empty");
  }

  @Test
  void aBlankServerNameIsRefused() {
    assertThatThrownBy(() -> ImmuClient.builder().serverName(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
