package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.server.ImmudbServer;
import io.immudb.server.config.ServerConfig;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/immuadmin stats --metrics-https} against a server whose metrics endpoint serves HTTPS
 * with a self-signed certificate: trusted through {@code --metrics-ca}, refused without it.
 */
class StatsHttpsIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @TempDir Path tmp;

  private record Run(int status, String out, String err) {}

  private Run stats(int metricsPort, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/immuadmin").toString(), "stats"));
    cmd.addAll(List.of("--metrics-port", Integer.toString(metricsPort), "--metrics-https"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("IMMUDB_NO_BUILD", "1");
    pb.environment().put("IMMUADMIN_IMMUDB_ADDRESS", "127.0.0.1");
    pb.redirectOutput(tmp.resolve("out.txt").toFile())
        .redirectError(tmp.resolve("err.txt").toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(tmp.resolve("out.txt")),
        Files.readString(tmp.resolve("err.txt")));
  }

  @Test
  void statsReadsAnHttpsEndpointTrustedThroughItsCa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    KeyPair kp = g.generateKeyPair();
    X509Certificate cert = selfSigned(kp);
    Path pem = tmp.resolve("ca.pem");
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(cert);
    }
    Files.writeString(pem, w.toString());

    char[] password = "changeit".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", kp.getPrivate(), password, new X509Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);

    ServerConfig cfg =
        ServerConfig.builder()
            .dir(tmp.resolve("data"))
            .address("127.0.0.1")
            .port(0)
            .metricsServer(true)
            .metricsServerPort(0)
            .build();
    try (ImmudbServer server = ImmudbServer.start(cfg, tls)) {
      int port = server.metricsPort().getAsInt();
      Run ok = stats(port, "--metrics-ca", pem.toString(), "--raw");
      assertThat(ok.status()).as(ok.err()).isZero();
      assertThat(ok.out())
          .containsPattern("(?m)^database:\\s+defaultdb$")
          .containsPattern("(?m)^txs:\\s+1$")
          .containsPattern("(?m)^size:\\s+\\d+$");

      Run untrusted = stats(port);
      assertThat(untrusted.status()).isEqualTo(1);
      assertThat(untrusted.err())
          .startsWith("immuadmin: TLS with the metrics endpoint https://127.0.0.1:" + port)
          .contains("--metrics-ca");
      assertThat(untrusted.out()).isEmpty();
    }
  }

  /** A self-signed certificate for 127.0.0.1, valid for a day. */
  private static X509Certificate selfSigned(KeyPair kp) throws Exception {
    X500Name name = new X500Name("CN=127.0.0.1");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minusSeconds(60)),
            Date.from(now.plus(Duration.ofDays(1))),
            name,
            kp.getPublic());
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
  }
}
