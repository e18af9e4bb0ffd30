package io.immudb.server.config;

import java.util.Locale;

/** How each log line is written ({@code --logformat}). */
public enum LogFormat {
  /** {@code <time> <LEVEL> [<thread>] <logger> - <message>}, then the stack trace, if any. */
  TEXT,
  /**
   * One JSON object per line with {@code time}, {@code level}, {@code logger}, {@code thread},
   * {@code message} and, when there is one, {@code exception}.
   */
  JSON;

  /**
   * The format named {@code value}, case-insensitively.
   *
   * @throws ConfigException naming {@code logformat} when the name is unknown
   */
  public static LogFormat parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("logformat", "logformat must be text or json, got '" + value + "'");
    }
  }
}
