package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.testkit.TestPki;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/immudb} started with mutual TLS (a child process), and the real {@code
 * bin/immuclient} and {@code bin/immuadmin} talking to it with and without client certificates.
 */
class TlsToolsIT {
  private static final Pattern LISTENING = Pattern.compile("listening on .*:(\\d+)");

  @TempDir Path tmp;
  private TestPki.Setup pki;
  private Process server;
  private int port;
  private final List<String> serverOutput = new ArrayList<>();

  @BeforeEach
  void certificates() throws Exception {
    pki = TestPki.writeSetup(tmp.resolve("pki"));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /** Starts {@code bin/immudb} with {@code flags} and waits for its listening line. */
  private void startServer(String... flags) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ToolRun.ROOT.resolve("bin/immudb").toString()));
    cmd.addAll(
        List.of("--dir", tmp.resolve("data").toString(), "--address", "127.0.0.1", "--port", "0"));
    cmd.addAll(List.of(flags));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("IMMUDB_NO_BUILD", "1");
    pb.environment().put("IMMUDB_JAVA_OPTS", "-Xmx256m");
    pb.environment().put("IMMUDB_METRICS_SERVER_PORT", "0"); // never the fixed 9497
    pb.environment().put("IMMUDB_WEB_SERVER_PORT", "0"); // never the fixed 8080
    server = pb.start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      serverOutput.add(line);
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
      }
      if (line.startsWith("server identifier")) {
        break;
      }
    }
    assertThat(port).as(String.join("\n", serverOutput)).isPositive();
    Thread drain =
        new Thread(
            () -> {
              try {
                r.transferTo(java.io.Writer.nullWriter());
              } catch (java.io.IOException e) {
                // The server went away; nothing more to read.
              }
            });
    drain.setDaemon(true);
    drain.start();
  }

  /** Runs {@code bin/<tool>} against the server with {@code tlsEnv} added to its environment. */
  private ToolRun run(String tool, Map<String, String> tlsEnv, String... args) throws Exception {
    ProcessBuilder pb = ToolRun.launcher(tool, List.of(args));
    ToolRun.connect(pb, tool, port, tmp.resolve(tool + "-token"), tmp.resolve("roots"));
    String prefix = tool.toUpperCase(Locale.ROOT) + "_";
    tlsEnv.forEach((k, v) -> pb.environment().put(prefix + k, v));
    return ToolRun.run(pb, tmp, null, Duration.ofSeconds(60));
  }

  private Map<String, String> mtlsEnv(Path cert, Path key) {
    Map<String, String> env = new HashMap<>();
    env.put("MTLS", "true");
    env.put("SERVERNAME", "localhost");
    env.put("CERTIFICATE", cert.toString());
    env.put("PKEY", key.toString());
    env.put("CLIENTCAS", pki.caCert().toString());
    return env;
  }

  @Test
  void immuclientAndImmuadminWorkOverMutualTls() throws Exception {
    startServer(
        "--certificate",
        pki.serverCert().toString(),
        "--pkey",
        pki.serverKey().toString(),
        "--clientcas",
        pki.caCert().toString(),
        "--mtls");
    assertThat(serverOutput).anyMatch(l -> l.startsWith("transport mutual TLS"));
    Map<String, String> good = mtlsEnv(pki.clientCert(), pki.clientKey());

    ToolRun login = run("immuclient", good, "login", "immudb", "--password", "immudb");
    assertThat(login.status()).as(login.err()).isZero();
    ToolRun set = run("immuclient", good, "safeset", "secure", "channel");
    assertThat(set.status()).as(set.err()).isZero();
    assertThat(set.out()).containsPattern("verified:\\s+true");
    assertThat(run("immuclient", good, "get", "secure", "--value-only").out())
        .isEqualTo("channel\n");
    // The same with flags instead of environment variables.
    ToolRun flags =
        run(
            "immuclient",
            Map.of(),
            "get",
            "secure",
            "--value-only",
            "-m",
            "--servername",
            "localhost",
            "--certificate",
            pki.clientCert().toString(),
            "--pkey",
            pki.clientKey().toString(),
            "--clientcas",
            pki.caCert().toString());
    assertThat(flags.out()).as(flags.err()).isEqualTo("channel\n");
    ToolRun admin = run("immuadmin", good, "status");
    assertThat(admin.out()).as(admin.err()).containsPattern("status:\\s+ok");

    ToolRun plaintext = run("immuclient", Map.of(), "get", "secure");
    assertThat(plaintext.status()).isEqualTo(1);
    assertThat(plaintext.err()).contains("a TLS server does so to plaintext clients");

    ToolRun noCertificate =
        run("immuclient", Map.of("TLS", "true", "CLIENTCAS", pki.caCert().toString()), "status");
    assertThat(noCertificate.status()).isEqualTo(1);
    assertThat(noCertificate.err()).contains("UNAVAILABLE");

    ToolRun unknownCa =
        run("immuclient", mtlsEnv(pki.otherClientCert(), pki.otherClientKey()), "status");
    assertThat(unknownCa.status()).isEqualTo(1);
    assertThat(unknownCa.err()).contains("UNAVAILABLE");

    Map<String, String> wrongName = mtlsEnv(pki.clientCert(), pki.clientKey());
    wrongName.put("SERVERNAME", "db.example.com");
    assertThat(run("immuclient", wrongName, "status").err())
        .contains("No subject alternative DNS name matching db.example.com found");
  }

  @Test
  void missingTlsFlagsAreNamed() throws Exception {
    Map<String, String> noKey = new HashMap<>(mtlsEnv(pki.clientCert(), pki.clientKey()));
    noKey.remove("PKEY");
    port = 1; // never contacted: the flags are checked first
    ToolRun r = run("immuclient", noKey, "status");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "immuclient: --mtls needs --certificate and --pkey: the client certificate and its"
                + " private key\n");

    List<String> cmd =
        List.of(
            ToolRun.ROOT.resolve("bin/immudb").toString(),
            "--dir",
            tmp.resolve("data").toString(),
            "--mtls",
            "--certificate",
            pki.serverCert().toString(),
            "--pkey",
            pki.serverKey().toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("IMMUDB_NO_BUILD", "1");
    pb.environment().put("IMMUDB_JAVA_OPTS", "-Xmx256m");
    pb.environment().put("IMMUDB_METRICS_SERVER_PORT", "0"); // never the fixed 9497
    pb.environment().put("IMMUDB_WEB_SERVER_PORT", "0"); // never the fixed 8080
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output).startsWith("immudb: --mtls needs --clientcas");
  }
}
