package io.immudb.cli.audit;

import io.immudb.cli.Immuclient;
import io.immudb.ops.CommandRunner;
import io.immudb.ops.DryRunCommandRunner;
import io.immudb.ops.InitSystem;
import io.immudb.ops.ServiceDefinition;
import io.immudb.ops.ServiceInstaller;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@value #NAME} systemd service: {@code bin/immuclient --config }{@value #CONFIG}{@code
 * audit-mode} as user {@value #USER}, trusted states in {@value #ROOTS_DIR}, output in the journal.
 * The configuration file written on install holds the connection and {@code audit-*} settings in
 * effect when {@code install} ran (it may hold the audit password, so it is readable by root and
 * the service's group only, as {@link ServiceInstaller} writes it).
 */
final class AuditService {
  static final String NAME = "immuclient-audit";
  static final String USER = "immuclient-audit";
  static final String CONFIG = "/etc/immudb/immuclient.toml";
  static final String HOME_DIR = "/var/lib/immuclient-audit";
  static final String ROOTS_DIR = HOME_DIR + "/roots";
  static final long LIMIT_NOFILE = 4096;

  private AuditService() {}

  /**
   * The installer for one action.
   *
   * @param root a staging directory (files go under it, commands are printed), or null for the live
   *     system (then {@code needsRoot} actions require euid 0, and systemd must be running)
   * @param launcher the program the unit runs (only install writes the unit; others may pass null)
   * @param settings the configuration file's keys and values (see {@link #configContent})
   */
  static ServiceInstaller installer(
      Path root,
      boolean needsRoot,
      Path launcher,
      Map<String, Object> settings,
      CommandRunner runner,
      long euid,
      PrintStream out)
      throws IOException {
    CommandRunner r;
    if (root != null) {
      r = new DryRunCommandRunner(out);
    } else {
      if (needsRoot && euid != 0) {
        throw new IOException("must run as root (e.g. sudo immuclient audit-mode ...)");
      }
      if (!Files.isDirectory(InitSystem.SYSTEMD.marker())) {
        throw new IOException(
            "systemd is not running here (no /run/systemd/system); only systemd is supported");
      }
      r = runner;
    }
    Path program = launcher != null ? launcher : Path.of("/usr/bin/immuclient");
    return new ServiceInstaller(
        definition(program, settings),
        InitSystem.SYSTEMD,
        root == null ? Path.of("/") : root,
        r,
        out);
  }

  /**
   * The settings the service's configuration file holds: the connection and audit flags of {@code
   * c} in effect now, with the service's own states directory; null values are left out of the
   * file.
   */
  static Map<String, Object> settings(AuditCommand c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("immudb-address", c.global("--immudb-address"));
    m.put("immudb-port", c.global("--immudb-port"));
    m.put("max-recv-msg-size", c.global("--max-recv-msg-size"));
    Path key = c.global("--server-signing-pub-key");
    m.put("server-signing-pub-key", key == null ? null : key.toAbsolutePath().toString());
    m.put("roots-filepath", AuditService.ROOTS_DIR);
    m.put("audit-username", c.username);
    m.put("audit-password", c.password);
    m.put("audit-databases", c.databases.isEmpty() ? null : String.join(",", c.databases));
    long ms = c.interval.toMillis();
    m.put("audit-interval", ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms");
    m.put("audit-signature", c.signature.toLowerCase(Locale.ROOT));
    m.put("audit-verify-values", c.verifyValues);
    m.put("audit-notification-url", AuditCommand.blankToNull(c.notificationUrl));
    m.put("audit-notification-username", AuditCommand.blankToNull(c.notificationUsername));
    m.put("audit-notification-password", AuditCommand.blankToNull(c.notificationPassword));
    m.put("audit-monitoring-host", c.monitoringHost);
    m.put("audit-monitoring-port", c.monitoringPort);
    return m;
  }

  /** The service's definition, running {@code launcher}. */
  static ServiceDefinition definition(Path launcher, Map<String, Object> settings) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("IMMUDB_NO_BUILD", "1"); // the service account cannot (and must not) build
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return new ServiceDefinition(
        NAME,
        "immuclient audit-mode: continuous verification of an immudb server",
        USER,
        List.of(launcher.toString(), "--config", CONFIG, "audit-mode"),
        env,
        Path.of(HOME_DIR),
        Path.of(CONFIG),
        configContent(settings),
        List.of(Path.of(HOME_DIR)),
        Path.of(HOME_DIR, "console.log"), // unused: systemd keeps the output in its journal
        LIMIT_NOFILE);
  }

  /**
   * The configuration file: a header, then one {@code key = value} line per setting; strings are
   * TOML basic strings, numbers and booleans bare; null values are left out.
   */
  static String configContent(Map<String, Object> settings) {
    StringBuilder b =
        new StringBuilder(
            "# immuclient configuration for the "
                + NAME
                + " service, written by `immuclient audit-mode install`.\n"
                + "# Keys are the long flag names without their dashes (see `immuclient"
                + " audit-mode --help`).\n"
                + "# Readable by root and the "
                + USER
                + " group only: it may hold the audit password.\n");
    for (Map.Entry<String, Object> e : settings.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      String literal = v instanceof Number || v instanceof Boolean ? v.toString() : quote(v);
      b.append(e.getKey()).append(" = ").append(literal).append('\n');
    }
    return b.toString();
  }

  /** {@code v} as a TOML basic string. */
  static String quote(Object v) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : v.toString().toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * bin/immuclient of the installation this program runs from: a checkout (its classes in {@code
   * <checkout>/immudb-cli/target/}) or an unpacked release archive.
   */
  static Optional<Path> defaultLauncher() {
    return io.immudb.ops.Launchers.installedLauncher(Immuclient.class, "immuclient");
  }

  /** The effective user id of this process; -1 when it cannot be read. */
  static long effectiveUid() {
    return io.immudb.ops.Launchers.effectiveUid();
  }
}
