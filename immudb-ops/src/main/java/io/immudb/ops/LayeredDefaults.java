package io.immudb.ops;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of a command's options, in precedence order: the environment variable of the option
 * ({@link ConfigKeys#variablesOf}: that of its key, then those of its aliases), then the
 * configuration file's key, then (by returning {@code null}) the option's built-in default. A flag
 * on the command line beats all three, as picocli consults this provider only for options not
 * given. Environment variables apply to every option, subcommands' included; file keys only to the
 * options the {@link ConfigKeys} cover (the root's, their inherited copies in subcommands, and
 * those of the subcommands chosen for file keys). Immutable and thread-safe.
 */
public final class LayeredDefaults implements IDefaultValueProvider {
  private final String envPrefix;
  private final Map<String, String> env;
  private final ConfigKeys keys;
  private final ConfigFile file;

  /** Normalized key → the key as written in the file. */
  private final Map<String, String> fileKeys = new HashMap<>();

  /**
   * @param envPrefix prefix of the environment variables, e.g. {@code IMMUDB_}
   * @param env the environment
   * @param keys the keys of the command
   * @param file the configuration file, if any; its keys must all have been checked against {@code
   *     keys} (unknown ones are ignored here)
   */
  public LayeredDefaults(
      String envPrefix, Map<String, String> env, ConfigKeys keys, Optional<ConfigFile> file) {
    this.envPrefix = Objects.requireNonNull(envPrefix, "envPrefix");
    this.env = Map.copyOf(env);
    this.keys = Objects.requireNonNull(keys, "keys");
    this.file = file.orElse(null);
    if (this.file != null) {
      for (String k : this.file.values().keySet()) {
        fileKeys.putIfAbsent(ConfigKeys.normalize(k), k);
      }
    }
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    return source(arg).map(Source::value).orElse(null);
  }

  /**
   * Where the default of {@code arg} comes from, e.g. {@code environment variable IMMUDB_PORT} or
   * {@code config file configs/immudb.toml, key 'port'}; empty for the built-in default.
   */
  public Optional<String> describeSource(ArgSpec arg) {
    return source(arg).map(Source::description);
  }

  private record Source(String value, String description) {}

  private Optional<Source> source(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o) || o.usageHelp() || o.versionHelp()) {
      return Optional.empty();
    }
    for (String variable : ConfigKeys.variablesOf(envPrefix, o)) {
      String fromEnv = env.get(variable);
      if (fromEnv != null) {
        return Optional.of(new Source(fromEnv, "environment variable " + variable));
      }
    }
    if (file == null || !ConfigKeys.isConfigurable(o)) {
      return Optional.empty();
    }
    if (!keys.covers(o)) {
      return Optional.empty();
    }
    String written = null;
    for (String name : ConfigKeys.normalizedNamesOf(o)) {
      written = fileKeys.get(name);
      if (written != null) {
        break;
      }
    }
    if (written == null || keys.find(written).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Source(
            file.values().get(written), "config file " + file.path() + ", key '" + written + "'"));
  }
}
