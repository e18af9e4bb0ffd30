package io.immudb.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment, as in the seed README: flag {@code --immudb-address} of
 * immuclient reads {@code IMMUCLIENT_IMMUDB_ADDRESS}. Unset variables fall back to the option's own
 * default. Thread-safe (immutable).
 */
final class EnvDefaults implements IDefaultValueProvider {
  private final String prefix;
  private final Map<String, String> env;

  EnvDefaults(String prefix, Map<String, String> env) {
    this.prefix = prefix;
    this.env = Map.copyOf(env);
  }

  /** The variable read for a long flag such as {@code --max-recv-msg-size}. */
  String variableFor(String longName) {
    return prefix + longName.replaceFirst("^-+", "").toUpperCase(Locale.ROOT).replace('-', '_');
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec o) || o.usageHelp() || o.versionHelp()) {
      return null;
    }
    return env.get(variableFor(o.longestName()));
  }
}
