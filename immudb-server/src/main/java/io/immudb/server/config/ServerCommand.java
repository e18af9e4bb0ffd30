package io.immudb.server.config;

import io.immudb.ops.BuildVersionProvider;
import io.immudb.ops.ConfigKeys;
import io.immudb.ops.ConfigProfile;
import io.immudb.ops.LayeredDefaults;
import io.immudb.ops.ToolConfig;
import io.immudb.ops.VersionCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code immudb} server's command line: {@code --config} and the settings of {@code
 * ServerFlags}, where each option is declared. Every flag may also be set through the environment
 * variable {@code IMMUDB_<FLAG>} (upper case, {@code -} becomes {@code _}, e.g. {@code
 * IMMUDB_MAX_RECV_MSG_SIZE}) or the key {@code <flag>} of the configuration file ({@link #PROFILE},
 * {@code --config}); a flag wins over the environment, which wins over the file ({@link
 * ToolConfig}). Not thread-safe: parse once, then use the resulting {@link ServerConfig}.
 *
 * <pre>{@code
 * ServerConfig cfg = ServerCommand.parse(args, System.getenv(), ServerCommand.PROFILE, log::warn);
 * }</pre>
 */
@Command(
    name = "immudb",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersionProvider.class,
    subcommands = {VersionCommand.class, CommandLine.HelpCommand.class},
    description = "The immudb server: an immutable database with cryptographic proofs.",
    footer = {
      "",
      "Every flag can also be set with the environment variable IMMUDB_<FLAG> (e.g.",
      "IMMUDB_MAX_RECV_MSG_SIZE) or the key <flag> in the config file (e.g. max-recv-msg-size = 4096);",
      "flags win over the environment, which wins over the file. Without --config the file is",
      "./configs/immudb.toml or else /etc/immudb/immudb.toml, whichever exists first."
    })
public final class ServerCommand {
  /**
   * Where the server looks for its configuration: {@code IMMUDB_*} variables; {@code
   * ./configs/immudb.toml}, then {@code /etc/immudb/immudb.toml}. Keys of immudb's own {@code
   * immudb.toml} that this server has no option for are accepted with a warning.
   */
  public static final ConfigProfile PROFILE =
      new ConfigProfile(
          "immudb",
          "IMMUDB_",
          List.of(Path.of("configs", "immudb.toml"), Path.of("/etc/immudb/immudb.toml")),
          Set.of(
              // immudb v0.8/v1.1 settings without an equivalent here.
              "network",
              "dbname",
              "token-expiry-time",
              "web-server",
              "web-server-port",
              "pgsql-server",
              "pgsql-server-port"));

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "config file (default: ./configs/immudb.toml or /etc/immudb/immudb.toml, if one exists)")
  Path config;

  @Mixin ServerFlags flags = new ServerFlags();

  /** The version line of {@code --version}, also reported by the metrics server's /version. */
  public static String version() {
    io.immudb.ops.BuildInfo b = io.immudb.ops.BuildInfo.current();
    return "immudb " + b.version() + " (commit " + b.commit() + ", built " + b.buildTime() + ")";
  }

  /** A picocli command line over a fresh {@code ServerCommand}, without defaults providers. */
  public static CommandLine commandLine() {
    return new CommandLine(new ServerCommand());
  }

  /**
   * A picocli command line over a fresh {@code ServerCommand}, reading defaults from {@code env}
   * (no configuration file).
   */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = commandLine();
    cl.setDefaultValueProvider(
        new LayeredDefaults(
            PROFILE.envPrefix(),
            environment(env),
            ConfigKeys.of(cl.getCommandSpec()),
            Optional.empty()));
    return cl;
  }

  /**
   * The environment as the server reads it: {@code LOG_LEVEL}, which immudb honours, stands in for
   * an unset {@code IMMUDB_LOG_LEVEL}.
   */
  public static Map<String, String> environment(Map<String, String> env) {
    if (env.containsKey("IMMUDB_LOG_LEVEL") || !env.containsKey("LOG_LEVEL")) {
      return env;
    }
    Map<String, String> m = new java.util.HashMap<>(env);
    m.put("IMMUDB_LOG_LEVEL", env.get("LOG_LEVEL"));
    return Map.copyOf(m);
  }

  /**
   * Parses {@code args} with {@code env} as the fallback (no configuration file) and validates the
   * result.
   *
   * @throws CommandLine.ParameterException on an unknown flag or unparsable value
   * @throws ConfigException on a value that fails validation
   */
  public static ServerConfig parse(String[] args, Map<String, String> env) {
    CommandLine cl = commandLine(env);
    cl.parseArgs(args);
    return ((ServerCommand) cl.getCommand()).toConfig();
  }

  /**
   * Parses {@code args} with {@code env} and the configuration file {@code profile} finds as the
   * fallbacks, and validates the result.
   *
   * @param warnings receives one line per ignored key of the file
   * @throws io.immudb.ops.ConfigFileException if the configuration file cannot be used
   * @throws CommandLine.ParameterException on an unknown flag or unparsable value
   * @throws ConfigException on a value that fails validation; the message names the variable or
   *     file key it came from, if it did not come from a flag
   */
  public static ServerConfig parse(
      String[] args, Map<String, String> env, ConfigProfile profile, Consumer<String> warnings) {
    CommandLine cl = commandLine();
    ToolConfig config = ToolConfig.install(cl, profile, args, env, warnings);
    config
        .error()
        .ifPresent(
            e -> {
              throw e;
            });
    cl.parseArgs(args);
    return toConfig(cl, config);
  }

  /**
   * The validated configuration of {@code cl}'s parsed {@code ServerCommand}.
   *
   * @throws ConfigException on a value that fails validation; the message names the variable or
   *     file key the value came from, if it did not come from a flag
   */
  public static ServerConfig toConfig(CommandLine cl, ToolConfig config) {
    try {
      return ((ServerCommand) cl.getCommand()).toConfig();
    } catch (ConfigException e) {
      boolean flag = cl.getParseResult().hasMatchedOption("--" + e.setting());
      Optional<String> source = flag ? Optional.empty() : config.sourceOf(e.setting());
      if (source.isEmpty()) {
        throw e;
      }
      throw new ConfigException(e.setting(), source.get() + ": " + e.getMessage());
    }
  }

  /** The {@code --help} text, with defaults as they would be taken from {@code env}. */
  public static String usage(Map<String, String> env) {
    StringWriter out = new StringWriter();
    commandLine(env).usage(new PrintWriter(out, true));
    return out.toString();
  }

  /**
   * The validated configuration these options describe.
   *
   * @throws ConfigException on a value that fails validation
   */
  public ServerConfig toConfig() {
    return flags.toConfig();
  }
}
