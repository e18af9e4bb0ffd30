package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.server.ImmudbServer;
import io.immudb.server.config.ServerConfig;
import io.immudb.server.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
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
    TestPki ca = TestPki.newCa("metrics test CA");
    Path pem = TestPki.writeCertificates(tmp.resolve("ca.pem"), ca.cert());
    SSLContext tls = ca.serverContext(ca.issueServer("localhost", false));

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
}
