package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.server.ImmudbServer;
import io.immudb.testkit.TestPki;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/immuadmin stats --metrics-https} against a server whose metrics endpoint serves HTTPS
 * with a self-signed certificate: trusted through {@code --metrics-ca}, refused without it.
 */
class StatsHttpsIT {

  @TempDir Path tmp;

  @RegisterExtension
  final ImmudbServerExtension immudb = ImmudbServerExtension.builder().manualStart().build();

  private ToolRun stats(int metricsPort, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of("stats", "--metrics-port", Integer.toString(metricsPort), "--metrics-https"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = ToolRun.launcher("immuadmin", cmd);
    pb.environment().put("IMMUADMIN_IMMUDB_ADDRESS", "127.0.0.1");
    return ToolRun.run(pb, tmp, null, Duration.ofSeconds(60));
  }

  @Test
  void statsReadsAnHttpsEndpointTrustedThroughItsCa() throws Exception {
    TestPki ca = TestPki.newCa("metrics test CA");
    Path pem = TestPki.writeCertificates(tmp.resolve("ca.pem"), ca.cert());
    SSLContext tls = ca.serverContext(ca.issueServer("localhost", false));

    ImmudbServer server =
        immudb.start(b -> b.set("metrics-server", true).set("metrics-server-port", 0), tls);
    int port = server.metricsPort().getAsInt();
    ToolRun ok = stats(port, "--metrics-ca", pem.toString(), "--raw");
    assertThat(ok.status()).as(ok.err()).isZero();
    assertThat(ok.out())
        .containsPattern("(?m)^database:\\s+defaultdb$")
        .containsPattern("(?m)^txs:\\s+1$")
        .containsPattern("(?m)^size:\\s+\\d+$");

    ToolRun untrusted = stats(port);
    assertThat(untrusted.status()).isEqualTo(1);
    assertThat(untrusted.err())
        .startsWith("immuadmin: TLS with the metrics endpoint https://127.0.0.1:" + port)
        .contains("--metrics-ca");
    assertThat(untrusted.out()).isEmpty();
  }
}
