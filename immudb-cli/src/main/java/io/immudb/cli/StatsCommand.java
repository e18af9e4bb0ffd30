package io.immudb.cli;

import static io.immudb.cli.Printer.fields;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code immuadmin stats}: server statistics read from the server's Prometheus endpoint ({@code
 * http(s)://<immudb-address>:<metrics-port>/metrics}). On a terminal it shows a live full-screen
 * dashboard ({@link StatsDashboard}) until {@code q}. With {@code -t}, or when standard input or
 * output is not a terminal, it prints one text summary: uptime, loaded databases, sessions, then
 * per database its entries, transactions and size on disk, then per client IP its RPCs and last
 * call. {@code --raw} prints plain numbers (bytes, seconds, Unix times); {@code --output json}
 * prints one JSON document, always with plain numbers.
 */
@Command(
    name = "stats",
    description = "Show server statistics, read from the server's metrics endpoint")
final class StatsCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @ParentCommand Immuadmin admin;

  @Option(
      names = "--metrics-port",
      defaultValue = "9497",
      description = "port of the server's metrics endpoint (default: ${DEFAULT-VALUE})")
  int metricsPort;

  @Option(
      names = "--metrics-https",
      description = "read the metrics endpoint over HTTPS (default: HTTP)")
  boolean https;

  @Option(
      names = "--metrics-ca",
      description = "PEM certificate(s) to trust for --metrics-https (default: the JVM's CAs)")
  Path caFile;

  @Option(
      names = {"-r", "--raw"},
      description = "plain numbers: bytes, seconds, Unix times")
  boolean raw;

  @Option(
      names = {"-t", "--text"},
      description =
          "print a text summary once instead of the live dashboard (the default when standard"
              + " input or output is not a terminal)")
  boolean text;

  @Option(
      names = "--interval",
      defaultValue = "1",
      paramLabel = "SECONDS",
      description = "seconds between readings of the live dashboard (default: ${DEFAULT-VALUE})")
  double intervalSeconds;

  @Override
  public Integer call() throws Exception {
    if (metricsPort < 1 || metricsPort > 65535) {
      throw new IllegalArgumentException(
          "--metrics-port must be between 1 and 65535, not " + metricsPort);
    }
    if (!(intervalSeconds >= 0.1 && intervalSeconds <= 3600)) {
      throw new IllegalArgumentException(
          "--interval must be between 0.1 and 3600 seconds, not " + intervalSeconds);
    }
    URI uri = metricsUri(admin.opts.address, metricsPort, https);
    HttpClient http = httpClient();
    StatsScrape first = StatsScrape.parse(fetch(http, uri), System.nanoTime());
    if (first.stats().isEmpty()) {
      throw new IllegalStateException("no immudb metrics at " + uri);
    }
    boolean json = admin.opts.format() == Printer.Format.JSON;
    Console console = admin.opts.console();
    if (!text && !raw && !json && StatsDashboard.interactive(console)) {
      Duration interval = Duration.ofMillis(Math.round(intervalSeconds * 1000));
      return new StatsDashboard(() -> fetch(http, uri), uri.toString(), interval)
          .run(first, System.in, console.out());
    }
    print(first.stats(), admin.opts.printer(), json);
    return 0;
  }

  /** The endpoint's URI; an IPv6 address is bracketed. */
  static URI metricsUri(String address, int port, boolean https) {
    String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    return URI.create((https ? "https" : "http") + "://" + host + ":" + port + "/metrics");
  }

  private HttpClient httpClient() throws IOException {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(TIMEOUT);
    if (caFile != null) {
      if (!https) {
        throw new IllegalArgumentException("--metrics-ca needs --metrics-https");
      }
      b.sslContext(trusting(caFile));
    }
    return b.build();
  }

  private static String fetch(HttpClient http, URI uri) throws IOException, InterruptedException {
    HttpResponse<String> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IOException(
          "cannot reach the metrics endpoint "
              + uri
              + " (is the server running with --metrics-server on port "
              + uri.getPort()
              + "?)",
          e);
    } catch (javax.net.ssl.SSLException e) {
      throw new IOException(
          "TLS with the metrics endpoint "
              + uri
              + " failed: "
              + e.getMessage()
              + " (trust its certificate with --metrics-ca)",
          e);
    }
    if (r.statusCode() != 200) {
      throw new IOException("metrics endpoint " + uri + " answered HTTP " + r.statusCode());
    }
    return r.body();
  }

  /** A TLS context trusting exactly the certificates in the PEM file {@code ca}. */
  static SSLContext trusting(Path ca) throws IOException {
    try (InputStream in = Files.newInputStream(ca)) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca-" + i++, c);
      }
      if (i == 0) {
        throw new IllegalArgumentException("--metrics-ca " + ca + " holds no certificate");
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "--metrics-ca " + ca + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  private void print(ServerStats s, Printer out, boolean json) {
    boolean plain = raw || json;
    Map<String, Object> server =
        fields(
            "uptime",
            s.uptimeHours().isEmpty()
                ? "n/a"
                : plain
                    ? (Object) Math.round(s.uptimeHours().getAsDouble() * 3600)
                    : duration(Math.round(s.uptimeHours().getAsDouble() * 3600)),
            "loaded databases",
            count(s.loadedDatabases()),
            "active sessions",
            count(s.activeSessions()),
            "clients",
            s.clients().size());
    List<Map<String, Object>> dbs = new ArrayList<>();
    for (ServerStats.Db d : s.databases()) {
      dbs.add(
          fields(
              "database",
              d.name(),
              "entries",
              d.entries(),
              "txs",
              d.committedTxId(),
              "indexed tx",
              d.indexedTxId(),
              "size",
              plain ? (Object) d.sizeBytes() : bytes(d.sizeBytes())));
    }
    long now = Instant.now().getEpochSecond();
    List<Map<String, Object>> clients = new ArrayList<>();
    for (ServerStats.Client c : s.clients()) {
      long at = (long) c.lastMessageAt();
      clients.add(
          fields(
              "client",
              c.ip(),
              "rpcs",
              c.rpcs(),
              "last message",
              plain
                  ? (Object) at
                  : duration(Math.max(0, now - at)) + " ago (" + Instant.ofEpochSecond(at) + ")"));
    }
    if (json) {
      out.record(fields("server", server, "databases", dbs, "clients", clients));
      return;
    }
    out.record(server);
    out.line("");
    out.records(dbs);
    if (!clients.isEmpty()) {
      out.line("");
      out.records(clients);
    }
  }

  private static Object count(OptionalDouble v) {
    return v.isEmpty() ? "n/a" : (Object) Math.round(v.getAsDouble());
  }

  /** {@code 1d2h3m4s}, leaving out leading zero units; {@code 0s} for zero. */
  static String duration(long seconds) {
    long d = seconds / 86400;
    long h = seconds % 86400 / 3600;
    long m = seconds % 3600 / 60;
    long sec = seconds % 60;
    StringBuilder sb = new StringBuilder();
    if (d > 0) {
      sb.append(d).append('d');
    }
    if (d > 0 || h > 0) {
      sb.append(h).append('h');
    }
    if (d > 0 || h > 0 || m > 0) {
      sb.append(m).append('m');
    }
    return sb.append(sec).append('s').toString();
  }

  /** Bytes in binary units with one decimal: {@code 512 B}, {@code 1.5 KiB}, {@code 64.1 MiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
