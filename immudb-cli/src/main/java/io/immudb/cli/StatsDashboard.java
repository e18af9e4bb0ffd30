package io.immudb.cli;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live {@code immuadmin stats} dashboard: a full-screen view of a server's metrics on the
 * terminal, read again every {@code interval} and drawn by {@link DashboardView}, until the user
 * presses {@code q} (or {@code Q}, Esc, Ctrl-C) or the input ends. The terminal is put back as it
 * was (main screen, cooked mode, cursor) on the way out, also on SIGTERM or SIGHUP through a
 * shutdown hook. A failed reading is shown on the status line and the last good frame stays. Not
 * thread-safe: {@link #run} is called once, from one thread; readings run on one thread of its own.
 */
final class StatsDashboard {
  private static final long POLL_MILLIS = 40;

  private final Callable<String> metrics;
  private final String source;
  private final Duration interval;

  /**
   * @param metrics reads the body of {@code /metrics}; called on the dashboard's reader thread
   * @param source where the metrics come from, shown in the title
   * @param interval time between readings; requires interval > 0
   */
  StatsDashboard(Callable<String> metrics, String source, Duration interval) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("the interval must be positive, not " + interval);
    }
    this.metrics = metrics;
    this.source = source;
    this.interval = interval;
  }

  /**
   * Whether {@code console} is the process's own standard output and both it and standard input are
   * a terminal that can show the dashboard (not {@code TERM=dumb}, not Windows' console).
   */
  static boolean interactive(Console console) {
    if (console.out() != System.out) {
      return false;
    }
    java.io.Console c = System.console();
    if (c == null) {
      return false; // Java 17-21: stdin or stdout is not a terminal
    }
    try {
      // Java 22+ returns a console for redirected streams too, and says so here.
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      if (!(Boolean) isTerminal.invoke(c)) {
        return false;
      }
    } catch (NoSuchMethodException e) {
      // Java 17-21: a console means a terminal.
    } catch (ReflectiveOperationException e) {
      return false;
    }
    String term = System.getenv("TERM");
    return !"dumb".equals(term)
        && !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  /**
   * Shows the dashboard on the terminal behind {@code in} and {@code out}, starting with {@code
   * first}, until the user quits; returns the exit status 0.
   */
  int run(StatsScrape first, InputStream in, OutputStream out) throws IOException {
    Terminal terminal =
        new DefaultTerminalFactory(out, in, StandardCharsets.UTF_8)
            .setForceTextTerminal(true)
            .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
            .createTerminal();
    Screen screen = new TerminalScreen(terminal);
    AtomicBoolean stopped = new AtomicBoolean();
    Thread restore = new Thread(() -> stop(screen, stopped), "immuadmin-stats-restore");
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "immuadmin-stats-reader");
              t.setDaemon(true);
              return t;
            });
    Runtime.getRuntime().addShutdownHook(restore);
    try {
      screen.startScreen();
      screen.setCursorPosition(null);
      loop(screen, reader, first);
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } finally {
      reader.shutdownNow();
      stop(screen, stopped);
      try {
        Runtime.getRuntime().removeShutdownHook(restore);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook runs, and finds the screen stopped.
      }
    }
  }

  private void loop(Screen screen, ExecutorService reader, StatsScrape first)
      throws IOException, InterruptedException {
    StatsScrape previous = null;
    StatsScrape current = first;
    String status = "";
    Future<StatsScrape> pending = null;
    long nextAt = System.nanoTime() + interval.toNanos();
    boolean redraw = true;
    while (true) {
      KeyStroke key = screen.pollInput();
      if (key != null && quits(key)) {
        return;
      }
      if (pending == null && System.nanoTime() - nextAt >= 0) {
        pending = reader.submit(() -> StatsScrape.parse(metrics.call(), System.nanoTime()));
        nextAt = System.nanoTime() + interval.toNanos();
      }
      if (pending != null && pending.isDone()) {
        try {
          StatsScrape next = pending.get();
          previous = current;
          current = next;
          status = "";
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          status =
              "reading the metrics failed ("
                  + (cause.getMessage() == null ? cause.toString() : cause.getMessage())
                  + "); showing the last good reading";
        }
        pending = null;
        redraw = true;
      }
      if (screen.doResizeIfNecessary() != null) {
        redraw = true;
      }
      if (redraw) {
        draw(screen, DashboardModel.of(previous, current), status);
        redraw = false;
      }
      if (key == null) {
        Thread.sleep(POLL_MILLIS);
      }
    }
  }

  private void draw(Screen screen, DashboardModel model, String status) throws IOException {
    TerminalSize size = screen.getTerminalSize();
    List<String> lines =
        DashboardView.render(
            model, source, Instant.now(), status, size.getColumns(), size.getRows());
    screen.clear();
    TextGraphics g = screen.newTextGraphics();
    for (int row = 0; row < lines.size(); row++) {
      String line = lines.get(row);
      if (row == 0) {
        g.enableModifiers(SGR.REVERSE);
        g.putString(0, 0, line + " ".repeat(Math.max(0, size.getColumns() - line.length())));
        g.disableModifiers(SGR.REVERSE);
      } else {
        g.putString(0, row, line);
      }
    }
    screen.refresh();
  }

  /** q, Q, Esc, Ctrl-C, Ctrl-D or the end of the input. */
  static boolean quits(KeyStroke k) {
    KeyType t = k.getKeyType();
    if (t == KeyType.EOF || t == KeyType.Escape) {
      return true;
    }
    if (t != KeyType.Character) {
      return false;
    }
    char c = k.getCharacter();
    return c == 'q' || c == 'Q' || (k.isCtrlDown() && (c == 'c' || c == 'd'));
  }

  private static void stop(Screen screen, AtomicBoolean stopped) {
    if (stopped.compareAndSet(false, true)) {
      try {
        screen.stopScreen();
      } catch (IOException e) {
        // The terminal is gone; nothing left to restore.
      }
    }
  }
}
