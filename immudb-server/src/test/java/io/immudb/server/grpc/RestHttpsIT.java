package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.server.ImmudbServer;
import io.immudb.server.config.ServerConfig;
import io.immudb.testkit.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code --certificate}/{@code --pkey} the REST API speaks HTTPS with the same identity. */
class RestHttpsIT {
  @TempDir Path tmp;

  private static SSLContext trusting(Path caCert) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(caCert)) {
      ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  @Test
  void theRestApiIsServedOverHttpsWithTheServersCertificate() throws Exception {
    TestPki.Setup pki = TestPki.writeSetup(tmp.resolve("pki"));
    try (ImmudbServer server =
        ImmudbServer.start(
            ServerConfig.builder()
                .set("dir", tmp.resolve("data"))
                .set("address", "127.0.0.1")
                .set("port", 0)
                .set("synced", false)
                .set("consistency-check", false)
                .set("certificate", pki.serverCert())
                .set("pkey", pki.serverKey())
                .set("web-server", true)
                .set("web-server-port", 0)
                .build())) {
      int port = server.webPort().getAsInt();
      RestClient https =
          new RestClient(
              "https",
              port,
              HttpClient.newBuilder()
                  .sslContext(trusting(pki.caCert()))
                  .version(HttpClient.Version.HTTP_1_1)
                  .build());
      String token = https.login("immudb", "immudb");
      RestClient.Answer state = https.get("/api/db/state", token);
      assertThat(state.status()).isEqualTo(200);
      assertThat(state.str("db")).isEqualTo("defaultdb");
      // Plain HTTP is not spoken on that port, and a client that does not trust the CA is refused.
      assertThatThrownBy(() -> new RestClient(port).get("/api/health", null))
          .isInstanceOf(IOException.class);
      assertThatThrownBy(
              () ->
                  new RestClient("https", port, HttpClient.newHttpClient())
                      .get("/api/health", null))
          .isInstanceOf(IOException.class);
    }
  }
}
