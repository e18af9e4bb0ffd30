package io.immudb.ops;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code version} subcommand of a tool: prints the {@link BuildInfo#lines} of the root
 * command's name to the command line's output stream and exits 0.
 */
@Command(name = "version", description = "Show the version and build information")
public final class VersionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    BuildInfo.current().lines(spec.root().name()).forEach(out::println);
    out.flush();
    return 0;
  }
}
