package io.immudb.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@link BenchMain} in process with its stdout and stderr captured, for tests. */
final class CapturedBenchMain {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Runs {@code args}, replacing what earlier runs printed; returns the exit status. */
  int run(String... args) {
    out.reset();
    err.reset();
    return BenchMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The last line of stdout. */
  String lastLine() {
    String[] lines = out().strip().split("\n");
    return lines[lines.length - 1];
  }
}
