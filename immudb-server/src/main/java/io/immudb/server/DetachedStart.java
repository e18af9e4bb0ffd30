package io.immudb.server;

import io.immudb.ops.DetachLauncher;
import io.immudb.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code immudb -d}: runs this same program again as a background process (same JVM, JVM options,
 * class path and arguments, minus {@code -d}), with its output appended to the log file ({@code
 * --logfile}, or {@code <dir>/immudb.log}), and returns once it accepts connections on its port.
 */
final class DetachedStart {
  /** How long the background server gets to accept connections. */
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  private DetachedStart() {}

  /** Starts the background server; prints its pid on {@code out}; returns the exit status. */
  static int run(ServerConfig cfg, String[] args, PrintStream out, PrintStream err) {
    Path output = cfg.process().logfile().orElse(cfg.storage().dir().resolve("immudb.log"));
    String address = cfg.network().address();
    int port = cfg.network().port();
    InetSocketAddress probe = new InetSocketAddress(probeHost(address), port);
    try {
      long pid =
          new DetachLauncher(TIMEOUT)
              .launch(childCommand(args), Map.of("IMMUDB_DETACHED", "false"), output, probe);
      out.println(pid);
      err.println(
          "immudb: running in the background as process "
              + pid
              + ", listening on "
              + address
              + ":"
              + port
              + ", output in "
              + output.toAbsolutePath().normalize());
      return 0;
    } catch (IOException e) {
      return DetachLauncher.reportFailure("immudb", e, err);
    }
  }

  /** Where to check that an endpoint bound to {@code host} listens. */
  static String probeHost(String host) {
    return DetachLauncher.probeHost(host);
  }

  /** The java command line that runs this server again in the foreground. */
  static List<String> childCommand(String[] args) {
    return DetachLauncher.relaunch(ImmudbMain.class, withoutDetach(args));
  }

  /**
   * {@code args} without {@code -d}/{@code --detached} (and a {@code true}/{@code false} value
   * after it, or an {@code =value} form).
   */
  static List<String> withoutDetach(String[] args) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-d") || a.equals("--detached")) {
        if (i + 1 < args.length && isBoolean(args[i + 1])) {
          i++;
        }
      } else if (!a.startsWith("--detached=") && !a.startsWith("-d=")) {
        kept.add(a);
      }
    }
    return kept;
  }

  private static boolean isBoolean(String s) {
    String v = s.toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("false");
  }
}
