package io.immudb.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The server's log threshold ({@code --log-level}): messages below it are dropped. */
public enum LogLevel {
  ERROR,
  WARN,
  INFO,
  DEBUG,
  TRACE;

  /**
   * The level named {@code value}, case-insensitively.
   *
   * @throws ConfigException naming {@code log-level} when the name is unknown
   */
  public static LogLevel parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "log-level", "log-level must be one of " + names() + ", got '" + value + "'");
    }
  }

  /** The accepted names, e.g. {@code error|warn|info|debug|trace}. */
  public static String names() {
    return Arrays.stream(values())
        .map(l -> l.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("|"));
  }
}
