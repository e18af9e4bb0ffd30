package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.client.ImmuClient;
import io.immudb.client.ImmuClientBuilder;
import io.immudb.testkit.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientTlsFilesTest {
  @TempDir static Path tmp;
  private static TestPki.Setup pki;

  @BeforeAll
  static void certificates() throws Exception {
    pki = TestPki.writeSetup(tmp.resolve("pki"));
  }

  private static void apply(
      boolean tls, boolean mtls, Path cert, Path key, Path cas, ImmuClientBuilder b) {
    ClientTlsFiles.apply(b, tls, mtls, "localhost", cert, key, cas);
  }

  @Test
  void readsTraditionalAndPkcs8Keys() {
    // The server key is a traditional EC PRIVATE KEY, the client key PKCS#8.
    assertThat(ClientTlsFiles.privateKey(pki.serverKey()).getAlgorithm()).isEqualTo("EC");
    assertThat(ClientTlsFiles.privateKey(pki.clientKey()).getAlgorithm()).isEqualTo("EC");
    assertThat(ClientTlsFiles.certificates(pki.serverCert(), "certificate")).hasSize(2);
    apply(false, true, pki.serverCert(), pki.serverKey(), pki.caCert(), ImmuClient.builder());
  }

  @Test
  void withoutTlsOrMtlsTheFilesAreNotRead() {
    Path missing = tmp.resolve("missing.pem");
    apply(false, false, missing, missing, missing, ImmuClient.builder());
  }

  @Test
  void errorsNameTheFlag() throws Exception {
    assertThatThrownBy(() -> apply(false, true, null, null, null, ImmuClient.builder()))
        .hasMessageStartingWith("--mtls needs --certificate and --pkey");
    assertThatThrownBy(() -> apply(true, false, pki.clientCert(), null, null, ImmuClient.builder()))
        .hasMessage("--certificate needs --pkey");
    Path missing = tmp.resolve("missing.pem");
    assertThatThrownBy(() -> apply(true, false, null, null, missing, ImmuClient.builder()))
        .hasMessageStartingWith("--clientcas " + missing + ": cannot read the file");
    Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "hello\n");
    assertThatThrownBy(
            () -> apply(false, true, pki.clientCert(), garbage, null, ImmuClient.builder()))
        .hasMessage("--pkey " + garbage + ": no PEM private key found");
    assertThatThrownBy(
            () -> apply(false, true, garbage, pki.clientKey(), null, ImmuClient.builder()))
        .hasMessage("--certificate " + garbage + ": no PEM CERTIFICATE block found");
    assertThatThrownBy(
            () ->
                apply(
                    false,
                    true,
                    pki.clientCert(),
                    pki.otherClientKey(),
                    null,
                    ImmuClient.builder()))
        .hasMessageStartingWith("--pkey " + pki.otherClientKey() + ": the client private key");
  }
}
