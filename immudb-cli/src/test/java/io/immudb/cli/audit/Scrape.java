package io.immudb.cli.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the auditor's Prometheus endpoint. */
final class Scrape {
  private Scrape() {}

  /** The text exposition at http://127.0.0.1:port/metrics. */
  static String metrics(int port) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  /** The value of {@code metric} for {@code database}, or NaN if absent. */
  static double value(String text, String metric, String database) {
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(metric)
                    + "\\{[^}]*database=\""
                    + Pattern.quote(database)
                    + "\"[^}]*\\} (\\S+)$")
            .matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }
}
