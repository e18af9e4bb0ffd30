package io.immudb.ops;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link ServiceDefinition} as a systemd service unit ({@code systemd.service(5)}).
 * Stateless and thread-safe.
 *
 * <p>The unit restarts the service on failure and treats exit status 143 as success: a JVM that
 * ends on SIGTERM (what {@code systemctl stop} sends) exits with 128 + 15 after running its
 * shutdown hooks.
 */
public final class SystemdUnit {
  private SystemdUnit() {}

  /** The unit file's text. */
  public static String render(ServiceDefinition def) {
    StringBuilder b = new StringBuilder();
    b.append("# Written by the ")
        .append(def.name())
        .append(" service installer; uninstalling the service removes it.\n");
    b.append("[Unit]\n");
    b.append("Description=").append(escapeSpecifiers(def.description())).append('\n');
    b.append("After=network-online.target\n");
    b.append("Wants=network-online.target\n\n");
    b.append("[Service]\n");
    b.append("Type=simple\n");
    b.append("User=").append(def.user()).append('\n');
    b.append("Group=").append(def.user()).append('\n');
    for (Map.Entry<String, String> e : def.environment().entrySet()) {
      b.append("Environment=").append(quote(e.getKey() + "=" + e.getValue())).append('\n');
    }
    b.append("WorkingDirectory=").append(quote(def.workingDirectory().toString())).append('\n');
    b.append("ExecStart=").append(commandLine(def.execStart())).append('\n');
    b.append("Restart=on-failure\n");
    b.append("RestartSec=5\n");
    b.append("SuccessExitStatus=143\n");
    b.append("TimeoutStopSec=60\n");
    b.append("LimitNOFILE=").append(def.limitNoFile()).append("\n\n");
    b.append("[Install]\n");
    b.append("WantedBy=multi-user.target\n");
    return b.toString();
  }

  /** {@code args} as one ExecStart value: each argument quoted when needed. */
  static String commandLine(List<String> args) {
    return args.stream().map(SystemdUnit::quote).collect(Collectors.joining(" "));
  }

  /**
   * One word for systemd: {@code %} and {@code $} are doubled (no specifier or variable expansion);
   * words with spaces, quotes or backslashes, and empty words, are double-quoted with {@code \}
   * escapes.
   */
  static String quote(String word) {
    String w = escapeSpecifiers(word).replace("$", "$$");
    if (!w.isEmpty()
        && w.chars().noneMatch(c -> Character.isWhitespace(c) || "\"'\\;".indexOf(c) >= 0)) {
      return w;
    }
    return '"' + w.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String escapeSpecifiers(String s) {
    return s.replace("%", "%%");
  }
}
