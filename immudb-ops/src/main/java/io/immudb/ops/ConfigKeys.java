package io.immudb.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The configuration keys of a picocli command, derived from its options: the key of an option is
 * its longest name without the leading dashes ({@code --max-recv-msg-size} → {@code
 * max-recv-msg-size}, {@code --signingKey} → {@code signingKey}), and its environment variable is
 * the tool's prefix plus that key in upper case with {@code -} turned into {@code _} ({@code
 * IMMUDB_MAX_RECV_MSG_SIZE}, {@code IMMUDB_SIGNINGKEY}). Keys in a file are matched ignoring case,
 * {@code -} and {@code _}, so {@code max_recv_msg_size}, {@code maxrecvmsgsize} and {@code
 * signingkey} (immudb's own spellings) all work. An option's other long names are accepted as
 * aliases of its key in files ({@code prometheus-port} for {@code --audit-monitoring-port}, alias
 * {@code --prometheus-port}). Help, version and {@code --config} are not keys. The keys may also
 * include the own options of chosen direct subcommands ({@link #of(CommandSpec, Set)}), in one flat
 * namespace with the root's. Immutable and thread-safe once built.
 */
public final class ConfigKeys {
  /** The option naming the configuration file. */
  public static final String CONFIG_OPTION = "--config";

  private final CommandSpec command;
  private final Set<CommandSpec> commands;

  /** Normalized key → option, canonical keys only, in declaration order. */
  private final Map<String, OptionSpec> byNormalKey;

  /** Normalized key or alias → option. */
  private final Map<String, OptionSpec> byNormalName;

  private ConfigKeys(
      CommandSpec command,
      Set<CommandSpec> commands,
      Map<String, OptionSpec> byNormalKey,
      Map<String, OptionSpec> byNormalName) {
    this.command = command;
    this.commands = commands;
    this.byNormalKey = byNormalKey;
    this.byNormalName = byNormalName;
  }

  /**
   * The keys of {@code command}'s own options (including mixed-in ones), in declaration order.
   *
   * @throws IllegalStateException if two options would have the same key
   */
  public static ConfigKeys of(CommandSpec command) {
    return of(command, Set.of());
  }

  /**
   * The keys of {@code command}'s own options, then those of its direct subcommands named in {@code
   * subcommands} (their inherited options excluded: they are the root's).
   *
   * @throws IllegalArgumentException if {@code command} has no subcommand of one of those names
   * @throws IllegalStateException if two options would have the same key
   */
  public static ConfigKeys of(CommandSpec command, Set<String> subcommands) {
    Objects.requireNonNull(command, "command");
    Map<String, OptionSpec> keys = new LinkedHashMap<>();
    Map<String, OptionSpec> names = new HashMap<>();
    Set<CommandSpec> specs = new LinkedHashSet<>();
    specs.add(command);
    add(keys, names, command);
    for (String name : subcommands) {
      CommandLine sub = command.subcommands().get(name);
      if (sub == null) {
        throw new IllegalArgumentException(
            "command " + command.name() + " has no subcommand " + name);
      }
      specs.add(sub.getCommandSpec());
      add(keys, names, sub.getCommandSpec());
    }
    return new ConfigKeys(command, Set.copyOf(specs), keys, names);
  }

  private static void add(
      Map<String, OptionSpec> keys, Map<String, OptionSpec> names, CommandSpec command) {
    for (OptionSpec o : command.options()) {
      if (!isConfigurable(o) || o.inherited()) {
        continue;
      }
      keys.put(normalize(keyOf(o)), o);
      for (String name : normalizedNamesOf(o)) {
        OptionSpec clash = names.put(name, o);
        if (clash != null && clash != o) {
          throw new IllegalStateException(
              "options " + clash.longestName() + " and " + o.longestName() + " share a config key");
        }
      }
    }
  }

  /**
   * The normalized keys that set option {@code o}: its key, then its other long names without their
   * dashes.
   */
  public static List<String> normalizedNamesOf(OptionSpec o) {
    Set<String> out = new LinkedHashSet<>();
    out.add(normalize(keyOf(o)));
    for (String name : o.names()) {
      if (name.startsWith("--")) {
        out.add(normalize(name.substring(2)));
      }
    }
    return List.copyOf(out);
  }

  /** Whether {@code o} can be set from the environment or a file: not help, version or config. */
  static boolean isConfigurable(OptionSpec o) {
    return !o.usageHelp()
        && !o.versionHelp()
        && !List.of(o.names()).contains(CONFIG_OPTION)
        && o.longestName().startsWith("-");
  }

  /** The key of option {@code o}: its longest name without leading dashes. */
  public static String keyOf(OptionSpec o) {
    return o.longestName().replaceFirst("^-+", "");
  }

  /**
   * The environment variable of option {@code o} for a tool whose variables start {@code prefix}.
   */
  public static String variableOf(String prefix, OptionSpec o) {
    return prefix + keyOf(o).toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /**
   * The environment variables that set option {@code o}: {@link #variableOf}, then one per other
   * long name ({@code IMMUCLIENT_PROMETHEUS_PORT} for {@code --audit-monitoring-port}, alias {@code
   * --prometheus-port}).
   */
  public static List<String> variablesOf(String prefix, OptionSpec o) {
    Set<String> out = new LinkedHashSet<>();
    out.add(variableOf(prefix, o));
    for (String name : o.names()) {
      if (name.startsWith("--")) {
        out.add(prefix + name.substring(2).toUpperCase(Locale.ROOT).replace('-', '_'));
      }
    }
    return List.copyOf(out);
  }

  /** {@code key} in the form keys are compared in: lower case, without {@code -} and {@code _}. */
  public static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** The command these keys belong to. */
  public CommandSpec command() {
    return command;
  }

  /**
   * Whether the file keys apply to option {@code o}: it is one of the keyed options, or an
   * inherited copy of one of the root's.
   */
  public boolean covers(OptionSpec o) {
    return commands.contains(o.command()) || o.inherited();
  }

  /** The option a key or alias (in any accepted spelling) sets, if any. */
  public Optional<OptionSpec> find(String key) {
    return Optional.ofNullable(byNormalName.get(normalize(key)));
  }

  /** The options that have a key, in declaration order. */
  public List<OptionSpec> options() {
    return List.copyOf(byNormalKey.values());
  }

  /** The canonical keys, in declaration order. */
  public List<String> keys() {
    List<String> out = new ArrayList<>();
    for (OptionSpec o : byNormalKey.values()) {
      out.add(keyOf(o));
    }
    return out;
  }
}
