package io.immudb.embedded.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A running child JVM started by {@link ChildJvm}, whose stdout is read line by line as it comes.
 *
 * <p>Only complete lines (ended by {@code \n}) count: if the child dies in the middle of writing a
 * line, the fragment is dropped, never returned as a line. {@link #kill()} sends SIGKILL ({@link
 * Process#destroyForcibly()} on Linux) and returns once the child is gone and its stdout is read to
 * the end; {@link #close()} kills a child that is still alive, for test failures in between.
 *
 * <p>Thread-safe.
 */
public final class ChildRun implements AutoCloseable {
  private final Process process;
  private final Path stderr;
  private final Thread reader;
  private final List<String> lines = new ArrayList<>(); // guarded by this
  private boolean eof; // guarded by this

  ChildRun(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(this::readStdout, "child-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  private void readStdout() {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    try (InputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          String s = line.toString(StandardCharsets.UTF_8);
          line.reset();
          synchronized (this) {
            lines.add(s);
            notifyAll();
          }
        } else {
          line.write(b);
        }
      }
    } catch (IOException e) {
      // the pipe broke: the child is gone; what was read so far stands
    } finally {
      synchronized (this) {
        eof = true; // a torn last line stays in the buffer, dropped
        notifyAll();
      }
    }
  }

  /**
   * Waits for the first line matching {@code test} and returns it.
   *
   * @param what what the line means, for the failure message
   * @throws AssertionError if the child ends its output first or no such line comes within {@code
   *     timeout}, with the child's stderr
   */
  public String awaitLine(String what, Predicate<String> test, Duration timeout)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    synchronized (this) {
      while (true) {
        for (; checked < lines.size(); checked++) {
          if (test.test(lines.get(checked))) {
            return lines.get(checked);
          }
        }
        long left = deadline - System.nanoTime();
        if (eof || left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
    String why = eof ? "ended its output" : "sent nothing within " + timeout;
    throw new AssertionError(what + ": the child " + why + "; " + describe());
  }

  /** Writes {@code line} and a newline to the child's stdin. */
  public void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Kills the child with SIGKILL, waits until it is gone and its stdout is read to the end, and
   * returns its exit value (137 on Linux).
   */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the killed child " + process.pid() + " does not exit");
    }
    reader.join(TimeUnit.SECONDS.toMillis(30));
    if (reader.isAlive()) {
      throw new AssertionError("the stdout of the killed child " + process.pid() + " stays open");
    }
    return process.exitValue();
  }

  /** The complete lines read so far. */
  public synchronized List<String> lines() {
    return new ArrayList<>(lines);
  }

  /** The child's exit status and stderr, for failure messages. */
  public String describe() throws IOException {
    String status = process.isAlive() ? "still running" : "exit value " + process.exitValue();
    String err = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
    if (err.length() > 20_000) {
      err = "…" + err.substring(err.length() - 20_000);
    }
    return "child " + process.pid() + ", " + status + ", stderr:\n" + err;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
