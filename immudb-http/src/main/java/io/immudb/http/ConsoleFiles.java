package io.immudb.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console's static files (docs/console.md): {@code index.html}, its stylesheet and its
 * JavaScript modules, read from this jar's {@code io/immudb/http/console/} and served at {@code /}.
 *
 * <p>Only names of the form {@code [js/]name.(html|css|js|png|svg)} are looked up, so no request
 * path reaches another resource of the jar. Every answer carries a Content-Security-Policy that
 * allows scripts, styles and connections to this origin only (no inline script, no third-party
 * asset), and {@code no-cache}, so a new server version's files are fetched again.
 *
 * <p>Thread-safe: files are read once and kept in a concurrent map.
 */
final class ConsoleFiles {
  static final String ROOT = "console/";
  private static final Pattern NAME =
      Pattern.compile("(js/)?[a-z0-9][a-z0-9.-]*\\.(html|css|js|png|svg)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "png", "image/png",
          "svg", "image/svg+xml");
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /** The bytes of console file {@code name} (relative to the console root), if it exists. */
  Optional<byte[]> file(String name) {
    if (!NAME.matcher(name).matches() || name.contains("..")) {
      return Optional.empty();
    }
    byte[] b = cache.computeIfAbsent(name, ConsoleFiles::read);
    return b.length == 0 ? Optional.empty() : Optional.of(b);
  }

  private static byte[] read(String name) {
    try (InputStream in = ConsoleFiles.class.getResourceAsStream(ROOT + name)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("console file " + name, e);
    }
  }

  /**
   * Answers a request outside {@code /api/}: {@code /} is {@code index.html}, other paths name a
   * console file; GET and HEAD only. Returns false if there is no such file (the caller answers
   * 404).
   */
  boolean serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String name = path.equals("/") ? "index.html" : path.substring(1);
    Optional<byte[]> body = file(name);
    if (body.isEmpty()) {
      return false;
    }
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      ex.sendResponseHeaders(405, -1);
      return true;
    }
    String ext = name.substring(name.lastIndexOf('.') + 1);
    ex.getResponseHeaders().set("Content-Type", TYPES.get(ext));
    ex.getResponseHeaders().set("Content-Security-Policy", CSP);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    if (method.equals("HEAD")) {
      ex.sendResponseHeaders(200, -1);
    } else {
      ex.sendResponseHeaders(200, body.get().length);
      ex.getResponseBody().write(body.get());
    }
    return true;
  }
}
