package io.immudb.server;

import io.immudb.ops.InitSystem;
import io.immudb.ops.ServiceDefinition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code immudb service install} puts immudb's files on each system, following its
 * conventions: {@code /etc} and {@code /var/lib} on Linux, {@code /usr/local/etc} and {@code
 * /var/db} on FreeBSD (hier(7)), {@code /usr/local/etc} and {@code /usr/local/var} on macOS; and
 * the {@link ServiceDefinition} built from them. Immutable.
 *
 * @param configFile the configuration file the service runs with ({@code --config})
 * @param dataDir the data directory, also the working directory and the account's home
 * @param logDir the directory of the log file and the console log
 */
record ServiceLayout(Path configFile, Path dataDir, Path logDir) {
  static final String NAME = "immudb";
  static final String USER = "immu";
  static final long LIMIT_NOFILE = 65536;

  /** The layout for {@code init}'s system. */
  static ServiceLayout of(InitSystem init) {
    return switch (init) {
      case SYSTEMD ->
          new ServiceLayout(
              Path.of("/etc/immudb/immudb.toml"),
              Path.of("/var/lib/immudb"),
              Path.of("/var/log/immudb"));
      case LAUNCHD ->
          new ServiceLayout(
              Path.of("/usr/local/etc/immudb/immudb.toml"),
              Path.of("/usr/local/var/lib/immudb"),
              Path.of("/usr/local/var/log/immudb"));
      case RCD ->
          new ServiceLayout(
              Path.of("/usr/local/etc/immudb/immudb.toml"),
              Path.of("/var/db/immudb"),
              Path.of("/var/log/immudb"));
    };
  }

  /** The server's log ({@code logfile}). */
  Path logFile() {
    return logDir.resolve("immudb.log");
  }

  /** The server's pid file ({@code pidfile}). */
  Path pidFile() {
    return dataDir.resolve("immudb.pid");
  }

  /** Standard output and error of the launcher, where launchd and daemon(8) append them. */
  Path consoleLog() {
    return logDir.resolve("console.log");
  }

  /** immudb's service running {@code launcher}: what {@code immudb service install} writes. */
  ServiceDefinition definition(Path launcher) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("IMMUDB_NO_BUILD", "1"); // the service account cannot (and must not) build
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return new ServiceDefinition(
        NAME,
        "immudb: immutable database with cryptographic proofs",
        USER,
        List.of(launcher.toString(), "--config", configFile.toString()),
        env,
        dataDir,
        configFile,
        configContent(),
        List.of(dataDir, logDir),
        consoleLog(),
        LIMIT_NOFILE);
  }

  /** The configuration file written on first install: TOML, keys are flag names. */
  String configContent() {
    return "# immudb server configuration, written by `immudb service install`.\n"
        + "# Keys are the long flag names without their leading dashes (see `immudb --help`).\n"
        + "dir = \""
        + dataDir
        + "\"\n"
        + "logfile = \""
        + logFile()
        + "\"\n"
        + "pidfile = \""
        + pidFile()
        + "\"\n";
  }
}
