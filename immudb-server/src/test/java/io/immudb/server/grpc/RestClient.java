package io.immudb.server.grpc;

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

/** A JSON client of the REST API for tests: java.net.http on a loopback port. */
final class RestClient {
  /** An answer: HTTP status, the body as JSON, and the raw response. */
  record Answer(int status, JsonElement json, HttpResponse<String> raw) {
    JsonObject obj() {
      return json.getAsJsonObject();
    }

    /** A string member of the body object. */
    String str(String name) {
      return obj().get(name).getAsString();
    }
  }

  private final HttpClient http;
  private final String base;

  RestClient(String scheme, int port, HttpClient http) {
    this.http = http;
    this.base = scheme + "://127.0.0.1:" + port;
  }

  RestClient(int port) {
    this(
        "http",
        port,
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build());
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String b64url(String s) {
    return Base64.getUrlEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String unb64(String s) {
    return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
  }

  /** Logs in over HTTP and returns the token. */
  String login(String user, String password) throws IOException, InterruptedException {
    Answer a =
        call(
            "POST",
            "/api/login",
            "{\"user\":\"" + b64(user) + "\",\"password\":\"" + b64(password) + "\"}",
            null);
    if (a.status() != 200) {
      throw new IllegalStateException("login failed: " + a.status() + " " + a.json());
    }
    return a.str("token");
  }

  Answer get(String path, String token) throws IOException, InterruptedException {
    return call("GET", path, null, token);
  }

  Answer post(String path, String json, String token) throws IOException, InterruptedException {
    return call("POST", path, json, token);
  }

  Answer call(String method, String path, String json, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonElement body;
    try {
      body = JsonParser.parseString(r.body());
    } catch (RuntimeException e) {
      body = com.google.gson.JsonNull.INSTANCE;
    }
    return new Answer(r.statusCode(), body, r);
  }
}
