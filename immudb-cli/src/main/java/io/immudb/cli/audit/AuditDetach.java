package io.immudb.cli.audit;

import io.immudb.cli.Immuclient;
import io.immudb.ops.DetachLauncher;
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
 * {@code immuclient audit-mode -d}: runs the same immuclient command again as a background process
 * (same JVM, JVM options, class path and arguments, minus {@code -d}), its output appended to a log
 * file, and returns once the child's metrics port accepts connections.
 */
final class AuditDetach {
  /** How long the background auditor gets to open its metrics port. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * Set in the child's environment so that a {@code detached = true} in the configuration file (or
   * the same variable in the caller's environment) cannot make it detach again.
   */
  static final String NOT_DETACHED = "IMMUCLIENT_DETACHED";

  private AuditDetach() {}

  /**
   * Starts the background auditor; prints its pid on {@code out} and a line on {@code err}; returns
   * the exit status (0 started, 1 not).
   */
  static int run(AuditorOptions o, Path log, String[] args, PrintStream out, PrintStream err) {
    InetSocketAddress probe =
        new InetSocketAddress(probeHost(o.monitoringHost()), o.monitoringPort());
    Path output = log.toAbsolutePath().normalize();
    try {
      long pid =
          new DetachLauncher(TIMEOUT)
              .launch(childCommand(args), Map.of(NOT_DETACHED, "false"), output, probe);
      out.println(pid);
      err.println(
          "immuclient audit-mode: running in the background as process "
              + pid
              + ", metrics on http://"
              + o.monitoringHost()
              + ":"
              + o.monitoringPort()
              + "/metrics, output in "
              + output);
      return 0;
    } catch (IOException e) {
      return DetachLauncher.reportFailure("immuclient audit-mode", e, err);
    }
  }

  /** Where to check that an endpoint bound to {@code host} listens. */
  static String probeHost(String host) {
    return DetachLauncher.probeHost(host);
  }

  /** The java command line that runs this immuclient command again in the foreground. */
  static List<String> childCommand(String[] args) {
    return DetachLauncher.relaunch(Immuclient.class, withoutDetach(args));
  }

  /**
   * {@code args} without the {@code -d}/{@code --detached} flags that follow {@code audit-mode}
   * (with a {@code true}/{@code false} value after them, or an {@code =value} form); flags before
   * it belong to immuclient itself and are kept, as is everything after {@code --}.
   */
  static List<String> withoutDetach(String[] args) {
    List<String> kept = new ArrayList<>();
    boolean inAudit = false;
    boolean ended = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (ended || !inAudit) {
        inAudit |= !ended && a.equals("audit-mode");
        kept.add(a);
      } else if (a.equals("--")) {
        ended = true;
        kept.add(a);
      } else if (a.equals("-d") || a.equals("--detached")) {
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
