package io.immudb.gw;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A REST caller as {@code curl} is one: JSON in, status and JSON out, with a bearer token. */
final class Rest {
  /** One answer. */
  record Answer(int status, JsonObject json) {
    String text(String field) {
      JsonElement e = json.get(field);
      return e == null ? null : e.getAsString();
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String api;
  private String token;

  Rest(String api) {
    this.api = api;
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String unb64(String s) {
    return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
  }

  /** Logs in as immudb/immudb and keeps the token. */
  void login() throws Exception {
    Answer a =
        post(
            "/login",
            "{\"user\":\"" + b64("immudb") + "\",\"password\":\"" + b64("immudb") + "\"}");
    if (a.status() != 200) {
      throw new IllegalStateException("login failed: " + a);
    }
    token = a.text("token");
  }

  Answer post(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(api + path)).POST(body(json)));
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(api + path)).GET());
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
  }

  private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r =
        http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    JsonElement e = r.body().isEmpty() ? new JsonObject() : JsonParser.parseString(r.body());
    return new Answer(r.statusCode(), e.isJsonObject() ? e.getAsJsonObject() : new JsonObject());
  }

  /** {@code /db/verifiable/set} of one pair. */
  Answer verifiedSet(String key, String value) throws Exception {
    return post(
        "/db/verifiable/set",
        "{\"setRequest\":{\"KVs\":[{\"key\":\""
            + b64(key)
            + "\",\"value\":\""
            + b64(value)
            + "\"}]}}");
  }

  /** {@code /db/verifiable/get} of one key. */
  Answer verifiedGet(String key) throws Exception {
    return post("/db/verifiable/get", "{\"keyRequest\":{\"key\":\"" + b64(key) + "\"}}");
  }
}
