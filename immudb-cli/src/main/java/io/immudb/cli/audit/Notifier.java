package io.immudb.cli.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Posts a tampering report ({@link AuditReport#json}) to {@code --audit-notification-url}, with
 * HTTP basic authentication when a user name is configured. A notification that can't be delivered
 * (no answer within 10 s, or a status other than 2xx) is reported to the caller, not retried: the
 * next round finds the same tampering and notifies again. Thread-safe.
 */
final class Notifier {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI url;
  private final String authorization;
  private final HttpClient http;

  /**
   * @param username null for no authentication
   * @param password the password for {@code username}
   */
  Notifier(URI url, String username, String password) {
    this.url = url;
    this.authorization =
        username == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * Posts {@code r}.
   *
   * @throws IOException if it could not be delivered (the message says why)
   */
  void send(AuditResult r) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(AuditReport.json(r), StandardCharsets.UTF_8));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<Void> resp;
    try {
      resp = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while notifying " + url, e);
    }
    if (resp.statusCode() / 100 != 2) {
      throw new IOException(url + " answered HTTP " + resp.statusCode());
    }
  }
}
