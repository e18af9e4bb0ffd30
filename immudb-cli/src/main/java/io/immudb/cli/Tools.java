package io.immudb.cli;

import io.immudb.client.ImmuClientException;
import io.immudb.core.proof.VerificationException;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs a command-line tool: environment defaults, one-line errors (stack traces with {@code
 * --debug}), exit codes 0 (success), 1 (error), 2 (bad usage), 3 (verification failed).
 */
final class Tools {
  static final int ERROR = 1;
  static final int VERIFICATION_FAILED = 3;

  private Tools() {}

  static int run(
      Object command, String name, String envPrefix, String[] args, Map<String, String> env) {
    CommandLine cl = new CommandLine(command);
    ClientOptions mixin = options(cl);
    if (mixin != null) {
      mixin.tool(name);
    }
    cl.setDefaultValueProvider(new EnvDefaults(envPrefix, env));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          ClientOptions opts = options(line);
          boolean debug = opts != null && opts.debug;
          if (e instanceof VerificationException v) {
            System.err.println(
                name + ": verification failed (" + v.reason() + "): " + v.getMessage());
            v.expected().ifPresent(d -> System.err.println("  expected: " + d.toHex()));
            v.computed().ifPresent(d -> System.err.println("  computed: " + d.toHex()));
            v.trustedState()
                .ifPresent(
                    s ->
                        System.err.println(
                            "  trusted state: tx " + s.txId() + " " + s.txHash().toHex()));
            v.newState()
                .ifPresent(
                    s ->
                        System.err.println(
                            "  claimed state: tx " + s.txId() + " " + s.txHash().toHex()));
            if (debug) {
              e.printStackTrace();
            }
            return VERIFICATION_FAILED;
          }
          if (e instanceof io.immudb.cli.backup.BackupFileException b) {
            System.err.println(
                name + ": the file fails verification, nothing was restored: " + b.getMessage());
            if (debug) {
              e.printStackTrace();
            }
            return VERIFICATION_FAILED;
          }
          String message =
              e instanceof ImmuClientException ice
                  ? ice.getMessage() + " (" + ice.code() + ")"
                  : e.getMessage() == null ? e.toString() : e.getMessage();
          System.err.println(name + ": " + message);
          if (debug) {
            e.printStackTrace();
          }
          return ERROR;
        });
    try {
      return cl.execute(args);
    } finally {
      ClientOptions opts = options(cl);
      if (opts != null) {
        opts.close();
      }
    }
  }

  private static ClientOptions options(CommandLine line) {
    CommandLine root = line;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Object user = root.getCommand();
    if (user instanceof Immuclient c) {
      return c.opts;
    }
    if (user instanceof Immuadmin a) {
      return a.opts;
    }
    return null;
  }
}
