package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The outcome of one run of a command-line tool as a child process ({@code bin/<tool>}, as a user
 * runs it): exit status, standard output, standard error. The static methods are the pieces the
 * tools' ITs share to run them.
 */
record ToolRun(int status, String out, String err) {
  /** The checkout, whose {@code bin/} holds the launchers (tests run in a module directory). */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /**
   * {@code bin/<tool> args}, with {@code IMMUDB_NO_BUILD=1}: the module was just packaged by this
   * build.
   */
  static ProcessBuilder launcher(String tool, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/" + tool).toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("IMMUDB_NO_BUILD", "1");
    return pb;
  }

  /**
   * Points {@code tool} at the server on {@code 127.0.0.1:port} through its {@code <TOOL>_*}
   * variables, with its token file and trusted-state directory where given.
   */
  static void connect(ProcessBuilder pb, String tool, int port, Path tokenFile, Path roots) {
    String prefix = tool.toUpperCase(Locale.ROOT) + "_";
    Map<String, String> env = pb.environment();
    env.put(prefix + "IMMUDB_ADDRESS", "127.0.0.1");
    env.put(prefix + "IMMUDB_PORT", Integer.toString(port));
    env.put(prefix + "TOKENFILE", tokenFile.toString());
    env.put(prefix + "ROOTS_FILEPATH", roots.toString());
  }

  /**
   * Starts {@code pb} with {@code stdin} as its input (none: {@code /dev/null}), its output and
   * errors in {@code tmp/out.txt} and {@code tmp/err.txt}, and waits for it.
   */
  static ToolRun run(ProcessBuilder pb, Path tmp, String stdin, Duration timeout) throws Exception {
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    Process p = pb.start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
    }
    assertThat(p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    return new ToolRun(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
