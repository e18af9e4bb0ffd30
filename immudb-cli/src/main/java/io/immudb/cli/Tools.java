package io.immudb.cli;

import io.immudb.client.ImmuClientException;
import io.immudb.core.proof.VerificationException;
import io.immudb.ops.ConfigProfile;
import io.immudb.ops.ToolConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * Runs a command-line tool: defaults from {@code <TOOL>_*} environment variables and the tool's
 * configuration file ({@link #profile}), one-line errors (stack traces with {@code --debug}), exit
 * codes 0 (success), 1 (error), 2 (bad usage or configuration), 3 (verification failed).
 */
final class Tools {
  static final int ERROR = 1;
  static final int USAGE = 2;
  static final int VERIFICATION_FAILED = 3;

  /** Settings of immudb's immuclient with no equivalent here; accepted in files with a warning. */
  private static final Set<String> IMMUDB_CLIENT_KEYS = Set.of("auth", "dir");

  /** immuclient's subcommands whose own options are also keys of its configuration file. */
  static final Set<String> CLIENT_FILE_SUBCOMMANDS = Set.of("audit-mode");

  /** Settings of immudb's immuadmin with no equivalent here (none so far). */
  private static final Set<String> IMMUDB_ADMIN_KEYS = Set.of();

  private Tools() {}

  /**
   * Where {@code tool} ({@code immuclient} or {@code immuadmin}) finds its configuration: {@code
   * <TOOL>_*} variables; {@code ./configs/<tool>.toml}, {@code ~/.immudb/<tool>.toml}, {@code
   * ~/<tool>.toml}, the first that exists. immuclient's file also holds the options of {@code
   * audit-mode}.
   */
  static ConfigProfile profile(String tool) {
    Path home = Path.of(System.getProperty("user.home"));
    return new ConfigProfile(
        tool,
        tool.toUpperCase(Locale.ROOT) + "_",
        List.of(
            Path.of("configs", tool + ".toml"),
            home.resolve(".immudb").resolve(tool + ".toml"),
            home.resolve(tool + ".toml")),
        tool.equals("immuadmin") ? IMMUDB_ADMIN_KEYS : IMMUDB_CLIENT_KEYS,
        tool.equals("immuadmin") ? Set.of() : CLIENT_FILE_SUBCOMMANDS);
  }

  static int run(Object command, String name, String[] args, Map<String, String> env) {
    return run(command, name, profile(name), args, env);
  }

  /**
   * Runs {@code command}, a root command with a {@link ClientOptions} mixin, with {@code args}; it
   * prints through the mixin's {@link Console}, and so do picocli's help, usage and error messages.
   * Returns the exit status.
   */
  static int run(
      Object command, String name, ConfigProfile profile, String[] args, Map<String, String> env) {
    CommandLine cl = new CommandLine(command);
    ClientOptions opts = ClientOptions.of(cl.getCommandSpec());
    opts.tool(name);
    PrintStream err = opts.console().err();
    cl.setOut(new PrintWriter(opts.console().out(), true));
    cl.setErr(new PrintWriter(err, true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    ToolConfig config =
        ToolConfig.install(cl, profile, args, env, w -> err.println(name + ": warning: " + w));
    CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler(
        (e, a) -> {
          Optional<String> fromDefaults = config.explain(e);
          if (fromDefaults.isEmpty()) {
            return usage.handleParseException(e, a);
          }
          err.println(name + ": " + fromDefaults.get());
          return USAGE;
        });
    cl.setExecutionStrategy(
        parsed -> {
          if (config.error().isPresent() && !ToolConfig.isInformational(parsed)) {
            err.println(name + ": " + config.error().get().getMessage());
            return USAGE;
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          int status = report(name, e, err);
          if (opts.debug) {
            e.printStackTrace(err);
          }
          return status;
        });
    try {
      return cl.execute(args);
    } finally {
      opts.close();
    }
  }

  /** Prints the one-line report of a command's failure {@code e}; returns the exit status. */
  private static int report(String name, Exception e, PrintStream err) {
    if (e instanceof VerificationException v) {
      err.println(name + ": verification failed (" + v.reason() + "): " + v.getMessage());
      v.expected().ifPresent(d -> err.println("  expected: " + d.toHex()));
      v.computed().ifPresent(d -> err.println("  computed: " + d.toHex()));
      v.trustedState()
          .ifPresent(
              s -> err.println("  trusted state: tx " + s.txId() + " " + s.txHash().toHex()));
      v.newState()
          .ifPresent(
              s -> err.println("  claimed state: tx " + s.txId() + " " + s.txHash().toHex()));
      return VERIFICATION_FAILED;
    }
    if (e instanceof io.immudb.cli.backup.BackupFileException b) {
      err.println(name + ": the file fails verification, nothing was restored: " + b.getMessage());
      return VERIFICATION_FAILED;
    }
    String message =
        e instanceof ImmuClientException ice
            ? ice.getMessage() + " (" + ice.code() + ")"
            : e.getMessage() == null ? e.toString() : e.getMessage();
    err.println(name + ": " + message);
    return ERROR;
  }
}
