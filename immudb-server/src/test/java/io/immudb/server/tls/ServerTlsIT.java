package io.immudb.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.immudb.testkit.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ServerTls#sslContext()} serving HTTPS with the JDK server, as a metrics endpoint would.
 */
class ServerTlsIT {
  @TempDir Path tmp;
  private TestPki.Setup pki;
  private HttpsServer https;

  @BeforeEach
  void start() throws Exception {
    pki = TestPki.writeSetup(tmp);
    ServerTls tls =
        ServerTls.fromFlags(pki.serverCert(), pki.serverKey(), pki.caCert(), true).get();
    SSLContext ctx = tls.sslContext();
    https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(
        new HttpsConfigurator(ctx) {
          @Override
          public void configure(HttpsParameters p) {
            p.setSSLParameters(tls.sslParameters(ctx));
          }
        });
    https.createContext(
        "/metrics",
        ex -> {
          byte[] body = "up 1\n".getBytes(StandardCharsets.US_ASCII);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    https.start();
  }

  @AfterEach
  void stop() {
    https.stop(0);
  }

  private String get(SSLContext client) throws IOException {
    URL url = new URL("https://localhost:" + https.getAddress().getPort() + "/metrics");
    HttpsURLConnection c = (HttpsURLConnection) url.openConnection();
    c.setSSLSocketFactory(client.getSocketFactory());
    try (InputStream in = c.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void aClientWithACertificateOfTheClientCaIsServed() throws Exception {
    assertThat(get(client(pki.clientCert(), pki.clientKey()))).isEqualTo("up 1\n");
  }

  @Test
  void clientsWithoutACertificateOrWithAnUnknownOneAreRefused() throws Exception {
    assertThatThrownBy(() -> get(client(null, null))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> get(client(pki.otherClientCert(), pki.otherClientKey())))
        .isInstanceOf(IOException.class);
  }

  /** A client context trusting the test CA, presenting {@code cert} if given. */
  private SSLContext client(Path cert, Path key) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", PemFiles.certificates(pki.caCert(), "ca").get(0));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (cert != null) {
      char[] pw = "x".toCharArray();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      PrivateKey k = PemFiles.privateKey(key, "pkey");
      ks.setKeyEntry(
          "client",
          k,
          pw,
          PemFiles.certificates(cert, "certificate").toArray(new X509Certificate[0]));
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pw);
    }
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }
}
