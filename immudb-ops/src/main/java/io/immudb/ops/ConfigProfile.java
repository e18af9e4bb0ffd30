package io.immudb.ops;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a tool finds its configuration besides the command line.
 *
 * @param tool the tool's name, used in messages (e.g. {@code immudb})
 * @param envPrefix the prefix of its environment variables (e.g. {@code IMMUDB_})
 * @param searchPath the files tried, in order, when {@code --config} is not given; the first that
 *     exists is read, and none existing means no file
 * @param foreignKeys keys of the original immudb's files for this tool that have no option here;
 *     they are accepted with a warning (a key that names an option is never foreign)
 * @param fileSubcommands names of direct subcommands whose own options are also file keys (e.g.
 *     {@code audit-mode}); the options of other subcommands are set by environment variables only
 */
public record ConfigProfile(
    String tool,
    String envPrefix,
    List<Path> searchPath,
    Set<String> foreignKeys,
    Set<String> fileSubcommands) {
  /** Copies the lists; foreign keys are kept in {@link ConfigKeys#normalize normal} form. */
  public ConfigProfile {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(envPrefix, "envPrefix");
    searchPath = List.copyOf(searchPath);
    foreignKeys = foreignKeys.stream().map(ConfigKeys::normalize).collect(Collectors.toSet());
    fileSubcommands = Set.copyOf(fileSubcommands);
  }

  /** A profile whose file keys are the root command's options only. */
  public ConfigProfile(
      String tool, String envPrefix, List<Path> searchPath, Set<String> foreignKeys) {
    this(tool, envPrefix, searchPath, foreignKeys, Set.of());
  }

  /** The environment variable that names the configuration file, e.g. {@code IMMUDB_CONFIG}. */
  public String configVariable() {
    return envPrefix + "CONFIG";
  }

  /** Whether {@code key} (in any accepted spelling) is one of the foreign keys. */
  public boolean isForeign(String key) {
    return foreignKeys.contains(ConfigKeys.normalize(key));
  }

  /** This profile with another search path (tests use an empty one). */
  public ConfigProfile withSearchPath(List<Path> path) {
    return new ConfigProfile(tool, envPrefix, path, foreignKeys, fileSubcommands);
  }
}
