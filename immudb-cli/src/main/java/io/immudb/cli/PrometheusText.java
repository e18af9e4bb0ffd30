package io.immudb.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the Prometheus text exposition format 0.0.4 (and the sample lines of OpenMetrics):
 * {@code name{label="value",...} value [timestamp]} per line; {@code #} lines (HELP, TYPE, EOF) and
 * blank lines are skipped. Label values may hold the escapes {@code \\}, {@code \"} and {@code \n};
 * values may be {@code NaN}, {@code +Inf} or {@code -Inf}. client_java has writers for this format
 * but no reader, hence this small one. Thread-safe (stateless).
 */
final class PrometheusText {
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private PrometheusText() {}

  /** One sample: metric name, labels in their order, value. */
  record Sample(String name, Map<String, String> labels, double value) {
    Sample {
      labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The value of label {@code name}, or the empty string. */
    String label(String name) {
      return labels.getOrDefault(name, "");
    }
  }

  /**
   * Parses every sample of {@code text}.
   *
   * @throws IllegalArgumentException naming the line number of the first malformed line
   */
  static List<Sample> parse(String text) {
    List<Sample> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        out.add(new LineReader(line).sample());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "bad metrics line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
      }
    }
    return out;
  }

  /** Parses one sample line, left to right. */
  private static final class LineReader {
    private final String s;
    private int pos;

    LineReader(String s) {
      this.s = s;
    }

    Sample sample() {
      String name = name(true);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("missing metric name");
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (peek() == '{') {
        pos++;
        labels(labels);
      }
      skipBlanks();
      String[] rest = s.substring(pos).trim().split("[ \t]+");
      if (rest.length == 0 || rest[0].isEmpty() || rest.length > 2) {
        throw new IllegalArgumentException("expected a value and an optional timestamp");
      }
      return new Sample(name, labels, number(rest[0]));
    }

    private void labels(Map<String, String> labels) {
      while (true) {
        skipBlanks();
        if (peek() == '}') {
          pos++;
          return;
        }
        String label = name(false);
        if (label.isEmpty()) {
          throw new IllegalArgumentException("missing label name at column " + (pos + 1));
        }
        skipBlanks();
        expect('=');
        skipBlanks();
        expect('"');
        labels.put(label, quoted());
        skipBlanks();
        if (peek() == ',') {
          pos++;
        } else if (peek() != '}') {
          throw new IllegalArgumentException("expected , or } at column " + (pos + 1));
        }
      }
    }

    /** The rest of a quoted label value, after its opening quote. */
    private String quoted() {
      StringBuilder sb = new StringBuilder();
      while (pos < s.length()) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          if (pos >= s.length()) {
            break;
          }
          char e = s.charAt(pos++);
          switch (e) {
            case 'n' -> sb.append('\n');
            case '\\' -> sb.append('\\');
            case '"' -> sb.append('"');
            default -> sb.append('\\').append(e);
          }
        } else {
          sb.append(c);
        }
      }
      throw new IllegalArgumentException("unterminated label value");
    }

    private String name(boolean metric) {
      int start = pos;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        boolean ok =
            c == '_'
                || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (metric && c == ':')
                || (pos > start && c >= '0' && c <= '9');
        if (!ok) {
          break;
        }
        pos++;
      }
      return s.substring(start, pos);
    }

    private static double number(String v) {
      return switch (v) {
        case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        case "NaN" -> Double.NaN;
        default -> {
          if (!NUMBER.matcher(v).matches()) {
            throw new IllegalArgumentException("bad value " + v);
          }
          yield Double.parseDouble(v);
        }
      };
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected " + c + " at column " + (pos + 1));
      }
      pos++;
    }

    private void skipBlanks() {
      while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
    }
  }
}
