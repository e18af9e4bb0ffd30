package io.immudb.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The path of an HTTP rule ({@code google.api.HttpRule}, e.g. {@code /db/get/{key}}): literal
 * segments and single-segment variables {@code {field}} or {@code {field=*}}, each binding one
 * request field (a dotted path). The wider grammar ({@code **}, multi-segment variables, verbs) is
 * refused when the table loads, as no immudb rule uses it. Immutable and thread-safe.
 */
final class PathTemplate {
  /** A literal segment ({@code variable == null}) or a variable bound to a field path. */
  private record Segment(String literal, String variable) {}

  private final String text;
  private final List<Segment> segments;

  private PathTemplate(String text, List<Segment> segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException if it does not start with {@code /}, or uses a part of the
   *     template grammar this class does not match
   */
  static PathTemplate parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith("/") || text.length() < 2) {
      throw new IllegalArgumentException("path template must start with '/': " + text);
    }
    List<Segment> segments = new ArrayList<>();
    for (String part : text.substring(1).split("/", -1)) {
      if (part.isEmpty() || part.contains(":") || part.contains("*") && !part.startsWith("{")) {
        throw new IllegalArgumentException("unsupported path template segment '" + part + "'");
      }
      if (part.startsWith("{")) {
        if (!part.endsWith("}")) {
          throw new IllegalArgumentException("unsupported path template segment '" + part + "'");
        }
        String inner = part.substring(1, part.length() - 1);
        int eq = inner.indexOf('=');
        if (eq >= 0) {
          if (!inner.substring(eq + 1).equals("*")) {
            throw new IllegalArgumentException("unsupported path variable '" + part + "'");
          }
          inner = inner.substring(0, eq);
        }
        if (!inner.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
          throw new IllegalArgumentException("bad field path in path variable '" + part + "'");
        }
        segments.add(new Segment(null, inner));
      } else {
        segments.add(new Segment(part, null));
      }
    }
    return new PathTemplate(text, List.copyOf(segments));
  }

  /**
   * The variables of {@code path} (without the {@code /api} prefix, percent-encoded as received) if
   * it matches, by field path, decoded; empty if it does not match.
   */
  Optional<Map<String, String>> match(String path) {
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = path.substring(1).split("/", -1);
    if (parts.length != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      Segment s = segments.get(i);
      if (s.variable() == null) {
        if (!s.literal().equals(parts[i])) {
          return Optional.empty();
        }
      } else {
        if (parts[i].isEmpty()) {
          return Optional.empty();
        }
        // '+' is a literal plus in a path (base64 keys use it), so decode only %XX escapes.
        vars.put(
            s.variable(), URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return Optional.of(vars);
  }

  /** The field paths bound by variables, in path order. */
  List<String> variables() {
    return segments.stream().filter(s -> s.variable() != null).map(Segment::variable).toList();
  }

  /** The number of literal segments: with equal lengths, a more literal template is tried first. */
  int literalCount() {
    return (int) segments.stream().filter(s -> s.variable() == null).count();
  }

  /** The template in OpenAPI's form: {@code /db/get/{key}}. */
  String openApiPath() {
    StringBuilder b = new StringBuilder();
    for (Segment s : segments) {
      b.append('/').append(s.variable() == null ? s.literal() : "{" + s.variable() + "}");
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
