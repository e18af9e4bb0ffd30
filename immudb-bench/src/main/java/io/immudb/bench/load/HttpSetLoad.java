package io.immudb.bench.load;

import io.immudb.proto.KeyValue;
import io.immudb.proto.SetRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The {@code http-set} benchmark: {@code clients} closed-loop threads, each with one {@code POST
 * /api/db/set} in flight at a time, against a running server's REST API (plain HTTP/1.1 with
 * keep-alive: Apache HttpClient 5's classic blocking client, one pooled connection per client
 * thread), for the warm-up and then the measured seconds. The login uses the JDK's {@link
 * HttpClient}; the calls do not, because on two cores shared with the server it took two thirds of
 * the CPU and held the rate to what it could send. Keys and values are those of {@link ServerLoad}
 * (same generator), sent as the proto3 JSON of {@code SetRequest} (base64). Logs in over HTTP
 * ({@code POST /api/login}, then {@code GET /api/db/use/{database}}). Not thread-safe: {@link #run}
 * is called from one thread, which owns the client threads. A failed call is counted, not fatal; a
 * failed login throws.
 */
public final class HttpSetLoad {
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

  private HttpSetLoad() {}

  /**
   * Runs {@code spec} (its {@code port} is the web server's) and returns the result in the shape of
   * {@link ServerLoad}'s.
   *
   * @throws IllegalStateException if the login fails
   */
  public static ServerResult run(ServerLoadSpec spec, PrintStream log) {
    SetRequest[][] requests =
        ServerKeys.generate(spec.clients(), spec.batch(), spec.keyLen(), spec.valueLen());
    HttpClient jdk =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String base = "http://" + spec.address() + ":" + spec.port() + "/api";
    String token = login(jdk, base, spec);
    CloseableHttpClient http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(spec.clients())
                    .setMaxConnPerRoute(spec.clients())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(10))
                            .setSocketTimeout(Timeout.ofSeconds(ServerClient.CALL_DEADLINE_SECONDS))
                            .build())
                    .build())
            .build();
    log.printf(
        "http %s database %s: %d clients, batch %d, %d+%d s%n",
        base, spec.database(), spec.clients(), spec.batch(), spec.warmupSeconds(), spec.seconds());
    long start = System.nanoTime();
    long measureStart = start + TimeUnit.SECONDS.toNanos(spec.warmupSeconds());
    long end = measureStart + TimeUnit.SECONDS.toNanos(spec.seconds());
    LongAdder measured = new LongAdder();
    LongAdder errors = new LongAdder();
    List<Histogram> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < spec.clients(); i++) {
      Histogram h = new Histogram(3);
      latencies.add(h);
      String[] bodies = bodies(requests[i]);
      Thread t =
          new Thread(
              () ->
                  drive(
                      http,
                      base + "/db/set",
                      token,
                      bodies,
                      measureStart,
                      end,
                      h,
                      measured,
                      errors),
              "bench-http-" + i);
      threads.add(t);
      t.start();
    }
    try (ProgressReporter p = new ProgressReporter(log, "http-set", "tx", 0, measured::sum)) {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      try {
        http.close();
      } catch (IOException e) {
        log.println("http-set: closing the client: " + e);
      }
    }
    Histogram all = new Histogram(3);
    latencies.forEach(all::add);
    long elapsed = Math.max(end, System.nanoTime()) - measureStart;
    return new ServerResult(spec, all.getTotalCount(), errors.sum(), elapsed, all, 0);
  }

  private static void drive(
      CloseableHttpClient http,
      String url,
      String token,
      String[] bodies,
      long measureStart,
      long end,
      Histogram latency,
      LongAdder measured,
      LongAdder errors) {
    int next = 0;
    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
      HttpPost post = new HttpPost(url);
      post.setHeader("Authorization", "Bearer " + token);
      post.setEntity(new StringEntity(bodies[next], ContentType.APPLICATION_JSON));
      next = (next + 1) % bodies.length;
      boolean ok;
      try {
        ok =
            http.execute(
                post,
                r -> {
                  EntityUtils.consume(r.getEntity());
                  return r.getCode() == 200;
                });
      } catch (IOException e) {
        ok = false;
      }
      if (now >= measureStart) {
        if (ok) {
          latency.recordValue(Math.max(1, (System.nanoTime() - now) / 1000));
          measured.increment();
        } else {
          errors.increment();
        }
      }
    }
  }

  private static String[] bodies(SetRequest[] requests) {
    Base64.Encoder b64 = Base64.getEncoder();
    String[] out = new String[requests.length];
    for (int i = 0; i < requests.length; i++) {
      StringBuilder s = new StringBuilder("{\"KVs\":[");
      List<KeyValue> kvs = requests[i].getKVsList();
      for (int j = 0; j < kvs.size(); j++) {
        s.append(j == 0 ? "" : ",")
            .append("{\"key\":\"")
            .append(b64.encodeToString(kvs.get(j).getKey().toByteArray()))
            .append("\",\"value\":\"")
            .append(b64.encodeToString(kvs.get(j).getValue().toByteArray()))
            .append("\"}");
      }
      out[i] = s.append("]}").toString();
    }
    return out;
  }

  private static String login(HttpClient http, String base, ServerLoadSpec spec) {
    Base64.Encoder b64 = Base64.getEncoder();
    String body =
        "{\"user\":\""
            + b64.encodeToString(spec.user().getBytes(StandardCharsets.UTF_8))
            + "\",\"password\":\""
            + b64.encodeToString(spec.password().getBytes(StandardCharsets.UTF_8))
            + "\"}";
    String token =
        token(
            http,
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    return token(
        http,
        HttpRequest.newBuilder(URI.create(base + "/db/use/" + spec.database()))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  private static String token(HttpClient http, HttpRequest.Builder req) {
    try {
      HttpResponse<String> r =
          http.send(
              req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      Matcher m = TOKEN.matcher(r.body());
      if (r.statusCode() != 200 || !m.find()) {
        throw new IllegalStateException("login failed: HTTP " + r.statusCode() + " " + r.body());
      }
      return m.group(1);
    } catch (IOException e) {
      throw new IllegalStateException("login failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
