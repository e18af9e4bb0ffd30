package io.immudb.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server process runs and logs: {@code --pidfile}, {@code --logfile}, {@code --logformat},
 * {@code --log-level} and {@code -d/--detached} of {@code ServerFlags}, which holds their defaults
 * (docs/ops/process.md). Immutable and thread-safe.
 *
 * @param pidfile the file holding the server's process id while it runs, if configured; not a
 *     directory
 * @param logfile the file the log is appended to, if configured (otherwise standard error); not a
 *     directory
 * @param logFormat the format of log lines
 * @param logLevel the lowest level logged
 * @param detached whether {@code immudb} starts the server as a background process and returns
 */
public record ProcessOptions(
    Optional<Path> pidfile,
    Optional<Path> logfile,
    LogFormat logFormat,
    LogLevel logLevel,
    boolean detached) {
  /**
   * Validates the settings.
   *
   * @throws ConfigException naming the first invalid setting
   */
  public ProcessOptions {
    Objects.requireNonNull(logFormat, "logFormat");
    Objects.requireNonNull(logLevel, "logLevel");
    checkNotADirectory("pidfile", pidfile);
    checkNotADirectory("logfile", logfile);
  }

  private static void checkNotADirectory(String setting, Optional<Path> file) {
    Objects.requireNonNull(file, setting);
    if (file.isPresent() && Files.isDirectory(file.get())) {
      throw new ConfigException(
          setting, setting + " " + file.get() + " is a directory; give a file name");
    }
  }
}
