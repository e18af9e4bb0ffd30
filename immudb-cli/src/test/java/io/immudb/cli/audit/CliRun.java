package io.immudb.cli.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of the real {@code bin/immuclient}: exit status, standard output and error. */
record CliRun(int status, String out, String err) {
  /** Runs {@code bin/immuclient -a 127.0.0.1 -p port args…} and waits at most 2 minutes. */
  static CliRun immuclient(int port, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ImmudbProcess.ROOT.resolve("bin/immuclient").toString());
    cmd.addAll(List.of("-a", "127.0.0.1", "-p", Integer.toString(port)));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("immuclient", ".out");
    Path err = Files.createTempFile("immuclient", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().put("IMMUDB_NO_BUILD", "1");
      Process p = pb.start();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("immuclient did not finish: " + cmd);
      }
      return new CliRun(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
