package io.immudb.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Gives a picocli command its configuration sources, in precedence order: flags, then environment
 * variables ({@code <PREFIX><KEY>}), then the configuration file, then built-in defaults. Works
 * from the command's option specs alone, so an option added to the command is at once a file key
 * and an environment variable.
 *
 * <p>The file is the one named by {@code --config FILE} (or the {@code <PREFIX>CONFIG} variable),
 * which must exist; otherwise the first existing file of the {@link ConfigProfile#searchPath()};
 * otherwise none. {@link #install} reads it and checks every key and value up front; a file that
 * cannot be used does not stop {@code --help} or {@code version}, so the caller asks {@link
 * #error()} once it knows what was asked for (see {@link #isInformational}).
 *
 * <pre>{@code
 * CommandLine cl = new CommandLine(new ServerCommand());
 * ToolConfig config = ToolConfig.install(cl, PROFILE, args, System.getenv(), log::warn);
 * ParseResult parsed = cl.parseArgs(args); // ParameterException: see explain(e)
 * if (!ToolConfig.isInformational(parsed) && config.error().isPresent()) { fail }
 * }</pre>
 *
 * <p>Not thread-safe: one instance configures one parse.
 */
public final class ToolConfig {
  private final LayeredDefaults defaults;
  private final ConfigKeys keys;
  private final ConfigFile file;
  private final ConfigFileException error;

  private ToolConfig(
      LayeredDefaults defaults, ConfigKeys keys, ConfigFile file, ConfigFileException error) {
    this.defaults = defaults;
    this.keys = keys;
    this.file = file;
    this.error = error;
  }

  /**
   * Finds and checks the configuration file for {@code args} and sets the command's default value
   * provider. Warnings (keys of immudb's files that mean nothing here) go to {@code warnings}, one
   * line each. If the file cannot be used, the provider reads the environment only and {@link
   * #error()} says why.
   *
   * @param cl the command; its options define the keys
   * @param profile the tool's prefix, search path and foreign keys
   * @param args the command-line arguments, scanned for {@code --config}
   * @param env the environment
   * @param warnings receives one line per warning
   */
  public static ToolConfig install(
      CommandLine cl,
      ConfigProfile profile,
      String[] args,
      Map<String, String> env,
      Consumer<String> warnings) {
    Objects.requireNonNull(cl, "cl");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(warnings, "warnings");
    ConfigKeys keys = ConfigKeys.of(cl.getCommandSpec(), profile.fileSubcommands());
    LayeredDefaults envOnly = new LayeredDefaults(profile.envPrefix(), env, keys, Optional.empty());
    try {
      Optional<String> named = configArgument(args).or(() -> nonBlank(env, profile));
      Optional<Path> path = locate(named, profile.searchPath());
      if (path.isEmpty()) {
        cl.setDefaultValueProvider(envOnly);
        return new ToolConfig(envOnly, keys, null, null);
      }
      ConfigFile file = ConfigFile.read(path.get());
      checkKeys(file, keys, profile, warnings);
      checkValues(cl, file, keys, profile);
      LayeredDefaults all = new LayeredDefaults(profile.envPrefix(), env, keys, Optional.of(file));
      cl.setDefaultValueProvider(all);
      return new ToolConfig(all, keys, file, null);
    } catch (ConfigFileException e) {
      cl.setDefaultValueProvider(envOnly);
      return new ToolConfig(envOnly, keys, null, e);
    }
  }

  private static Optional<String> nonBlank(Map<String, String> env, ConfigProfile profile) {
    return Optional.ofNullable(env.get(profile.configVariable())).filter(s -> !s.isBlank());
  }

  /**
   * The configuration file to read: {@code named} if given (it must exist), else the first existing
   * file of {@code searchPath}, else none.
   *
   * @throws ConfigFileException if {@code named} does not exist
   */
  public static Optional<Path> locate(Optional<String> named, List<Path> searchPath) {
    if (named.isPresent()) {
      Path p = Path.of(named.get());
      if (!Files.isRegularFile(p)) {
        throw new ConfigFileException(
            p, null, Files.exists(p) ? "not a regular file" : "not found");
      }
      return Optional.of(p);
    }
    return searchPath.stream().filter(Files::isRegularFile).findFirst();
  }

  /**
   * The value of {@code --config FILE} or {@code --config=FILE} in {@code args}, before any {@code
   * --} end-of-options marker; the last one if repeated.
   */
  public static Optional<String> configArgument(String[] args) {
    String found = null;
    for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
      if (args[i].equals(ConfigKeys.CONFIG_OPTION) && i + 1 < args.length) {
        found = args[++i];
      } else if (args[i].startsWith(ConfigKeys.CONFIG_OPTION + "=")) {
        found = args[i].substring(ConfigKeys.CONFIG_OPTION.length() + 1);
      }
    }
    return Optional.ofNullable(found);
  }

  private static void checkKeys(
      ConfigFile file, ConfigKeys keys, ConfigProfile profile, Consumer<String> warnings) {
    Map<String, String> seen = new java.util.HashMap<>();
    for (String key : file.values().keySet()) {
      String option = keys.find(key).map(ConfigKeys::keyOf).orElse(key);
      String earlier = seen.putIfAbsent(ConfigKeys.normalize(option), key);
      if (earlier != null) {
        throw new ConfigFileException(
            file.path(), key, "sets the same option as '" + earlier + "'");
      }
      if (keys.find(key).isPresent()) {
        continue;
      }
      if (profile.isForeign(key)) {
        warnings.accept(
            "config file "
                + file.path()
                + ", key '"
                + key
                + "': an immudb setting "
                + profile.tool()
                + " does not use; ignored");
        continue;
      }
      throw new ConfigFileException(
          file.path(), key, "unknown key; the keys are: " + String.join(", ", keys.keys()));
    }
  }

  /**
   * Converts every value of the file with its option's own converter by parsing an empty command
   * line, then one naming each file-keyed subcommand, with the file as the only source of defaults;
   * picocli resets the command at the next parse.
   */
  private static void checkValues(
      CommandLine cl, ConfigFile file, ConfigKeys keys, ConfigProfile profile) {
    LayeredDefaults fileOnly = new LayeredDefaults("", Map.of(), keys, Optional.of(file));
    cl.setDefaultValueProvider(fileOnly);
    List<String[]> lines = new java.util.ArrayList<>();
    lines.add(new String[0]);
    profile.fileSubcommands().stream().sorted().forEach(s -> lines.add(new String[] {s}));
    for (String[] line : lines) {
      try {
        cl.parseArgs(line);
      } catch (ParameterException e) {
        if (e.getArgSpec() instanceof OptionSpec o && fileOnly.describeSource(o).isPresent()) {
          String written = writtenKey(file, o);
          throw new ConfigFileException(
              file.path(), written, "invalid value '" + e.getValue() + "': " + cause(e));
        }
        // Anything else (e.g. a missing required option) is for the real parse to report.
      }
    }
  }

  private static String writtenKey(ConfigFile file, OptionSpec o) {
    List<String> names = ConfigKeys.normalizedNamesOf(o);
    return file.values().keySet().stream()
        .filter(k -> names.contains(ConfigKeys.normalize(k)))
        .findFirst()
        .orElse(ConfigKeys.keyOf(o));
  }

  private static String cause(ParameterException e) {
    Throwable c = e.getCause();
    return c != null && c.getMessage() != null ? c.getMessage() : e.getMessage();
  }

  /** Whether {@code parsed} asks only for help or the version: a bad file must not stop that. */
  public static boolean isInformational(ParseResult parsed) {
    for (CommandLine c : parsed.asCommandLineList()) {
      if (c.isUsageHelpRequested() || c.isVersionHelpRequested()) {
        return true;
      }
    }
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      String name = p.commandSpec().name();
      if (p != parsed && (name.equals("help") || name.equals("version"))) {
        return true;
      }
    }
    return false;
  }

  /** The file read, if any (also empty when it could not be used). */
  public Optional<Path> file() {
    return Optional.ofNullable(file).map(ConfigFile::path);
  }

  /** Why the configuration file could not be used, if it could not. */
  public Optional<ConfigFileException> error() {
    return Optional.ofNullable(error);
  }

  /** The keys of the command. */
  public ConfigKeys keys() {
    return keys;
  }

  /**
   * Where the value of the option with long name {@code name} ({@code --port} or {@code port})
   * comes from when not given as a flag: {@code environment variable IMMUDB_PORT}, {@code config
   * file F, key 'port'}, or empty for the built-in default.
   */
  public Optional<String> sourceOf(String name) {
    String flag = name.startsWith("-") ? name : "--" + name;
    OptionSpec o = keys.command().findOption(flag);
    return o == null ? Optional.empty() : defaults.describeSource(o);
  }

  /**
   * A one-line message for {@code e} when the value at fault came from the environment or the file
   * rather than from a flag, naming the variable or the file and key; empty when a flag is at fault
   * (then picocli's own message and usage help fit better).
   */
  public Optional<String> explain(ParameterException e) {
    ArgSpec arg = e.getArgSpec();
    if (arg instanceof OptionSpec o && e.getValue() != null) {
      Optional<String> source = defaults.describeSource(o);
      if (source.isPresent() && e.getValue().equals(defaults.defaultValue(o))) {
        return Optional.of(source.get() + ": invalid value '" + e.getValue() + "': " + cause(e));
      }
    }
    return Optional.empty();
  }
}
