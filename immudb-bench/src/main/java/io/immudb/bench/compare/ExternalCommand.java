package io.immudb.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to completion and captures its output (stdout and stderr together), or runs it as
 * another user through {@code su} when this process is root.
 *
 * <p>Thread-safe (stateless).
 */
final class ExternalCommand {
  private ExternalCommand() {}

  /** What a finished program printed, and its exit status. */
  record Result(int exitCode, String output) {}

  /**
   * Runs {@code cmd} in {@code dir}, waiting at most {@code timeoutSeconds}.
   *
   * @throws IllegalStateException if it can't be started or runs longer than the timeout (it is
   *     then killed)
   */
  static Result run(List<String> cmd, Path dir, long timeoutSeconds) {
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("can't run " + cmd.get(0) + ": " + e.getMessage(), e);
    }
    try {
      p.getOutputStream().close();
      // Output is read on a second thread so that a chatty program can't block on a full pipe.
      StringBuilder out = new StringBuilder();
      Thread reader =
          new Thread(
              () -> {
                try {
                  String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                  synchronized (out) {
                    out.append(s);
                  }
                } catch (IOException e) {
                  // the process was killed; what was read so far is lost, the exit status says why
                }
              },
              "bench-output-" + Path.of(cmd.get(0)).getFileName());
      reader.setDaemon(true);
      reader.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
      }
      reader.join(TimeUnit.SECONDS.toMillis(10));
      synchronized (out) {
        return new Result(p.exitValue(), out.toString());
      }
    } catch (IOException e) {
      throw new IllegalStateException("can't run " + cmd.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
    }
  }

  /**
   * Like {@link #run}, but a non-zero exit status throws.
   *
   * @throws IllegalStateException naming the command, its status and its output
   */
  static String check(List<String> cmd, Path dir, long timeoutSeconds) {
    Result r = run(cmd, dir, timeoutSeconds);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", cmd) + " exited with status " + r.exitCode() + ":\n" + r.output());
    }
    return r.output();
  }

  /**
   * {@code cmd} as run by {@code user}: {@code su -s /bin/sh -c 'CMD' USER}, or {@code cmd} itself
   * if {@code user} is null.
   */
  static List<String> as(String user, List<String> cmd) {
    if (user == null) {
      return cmd;
    }
    List<String> quoted = new ArrayList<>(cmd.size());
    for (String arg : cmd) {
      quoted.add(shellQuote(arg));
    }
    return List.of("su", "-s", "/bin/sh", "-c", String.join(" ", quoted), user);
  }

  /** {@code s} as one single-quoted POSIX shell word. */
  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
