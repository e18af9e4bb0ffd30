package io.immudb.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code immudb-bench}: load tools for the embedded engine, one subcommand per
 * benchmark ({@link StoreCommand}, {@link ReadCommand}, {@link ReopenCommand}), plus load against a
 * running server ({@link ServerCommand}) and our server side by side with PostgreSQL ({@link
 * VsPostgresCommand}). Usually started by {@code bin/immudb-bench}; see {@code docs/benchmarks.md}.
 *
 * <p>Thread-safety: {@link #run} may be called from several threads at once, each call building its
 * own command objects.
 */
@Command(
    name = "immudb-bench",
    mixinStandardHelpOptions = true,
    version = "immudb-bench 0.1.0-SNAPSHOT",
    description = "Stress and load tools for the immudb embedded engine.")
public final class BenchMain implements Callable<Integer> {
  private final PrintStream err;

  @Spec CommandSpec self;

  private BenchMain(PrintStream err) {
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line {@code args}: results go to {@code out}, progress and errors to {@code
   * err}. Returns the exit status: 0 on success, 1 if the run failed, 2 on bad usage.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl =
        new CommandLine(new BenchMain(err))
            .addSubcommand(new StoreCommand(out, err))
            .addSubcommand(new ReadCommand(out, err))
            .addSubcommand(new ReopenCommand(out, err))
            .addSubcommand(new ServerCommand(out, err))
            .addSubcommand(new HttpSetCommand(out, err))
            .addSubcommand(new SqlCommand(out, err))
            .addSubcommand(new SoakCommand(out, err))
            .addSubcommand(new VsPostgresCommand(out, err));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            err.println("immudb-bench: " + e.getMessage());
            return 2;
          }
          err.println("immudb-bench: " + cmd.getCommandName() + " failed: " + e);
          e.printStackTrace(err);
          return 1;
        });
    return cl.execute(args);
  }

  /** Without a subcommand: prints the usage and exits with status 2. */
  @Override
  public Integer call() {
    err.println("immudb-bench: missing subcommand");
    self.commandLine().usage(err);
    return 2;
  }
}
