package io.immudb.server.config;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies option defaults from environment variables: flag {@code --max-recv-msg-size} reads
 * {@code IMMUDB_MAX_RECV_MSG_SIZE}, {@code --signingKey} reads {@code IMMUDB_SIGNINGKEY}. When the
 * variable is unset, picocli falls back to the option's own default. A few flags also read an
 * unprefixed variable that immudb honours, when their {@code IMMUDB_*} one is unset: {@code
 * --log-level} reads {@code LOG_LEVEL}. Thread-safe (immutable).
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  /** {@code IMMUDB_*} variable -> the unprefixed variable read when it is unset. */
  private static final Map<String, String> UNPREFIXED = Map.of("IMMUDB_LOG_LEVEL", "LOG_LEVEL");

  private final Map<String, String> env;

  EnvironmentDefaults(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The environment variable read for a long flag name such as {@code --max-recv-msg-size}. */
  static String variableFor(String longName) {
    String bare = longName.replaceFirst("^-+", "");
    return "IMMUDB_" + bare.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec o) || o.usageHelp() || o.versionHelp()) {
      return null;
    }
    String name = variableFor(o.longestName());
    String value = env.get(name);
    if (value == null && UNPREFIXED.containsKey(name)) {
      value = env.get(UNPREFIXED.get(name));
    }
    return value;
  }
}
