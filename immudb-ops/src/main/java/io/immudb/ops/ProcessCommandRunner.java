package io.immudb.ops;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs commands as child processes, with no standard input. Thread-safe (stateless). */
public final class ProcessCommandRunner implements CommandRunner {
  @Override
  public Result run(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    File devNull = new File("/dev/null");
    if (devNull.exists()) {
      pb.redirectInput(ProcessBuilder.Redirect.from(devNull));
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      return new Result(p.waitFor(), output);
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while running " + String.join(" ", command));
    }
  }
}
