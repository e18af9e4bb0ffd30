package io.immudb.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.status.Status;
import io.immudb.server.config.LogFormat;
import io.immudb.server.config.LogLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures the server's logging (logback) from its flags: level, line format, and destination
 * (standard error or a file, appended to). Called once at startup, before the server logs.
 *
 * <p>If the JVM was started with {@code -Dlogback.configurationFile=...}, that file wins and this
 * class changes nothing: the escape hatch for operators who need appenders the flags do not offer.
 *
 * <p>Not thread-safe: call from the main thread before other threads log.
 */
public final class LogSetup {
  /** The text line format: UTC time, level, thread, logger, message, stack trace. */
  public static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger - %msg%n";

  /** The loggers that {@code --log-level} sets exactly: the server's own. */
  static final String OWN_LOGGERS = "io.immudb";

  private LogSetup() {}

  /**
   * Replaces the logging configuration.
   *
   * @param level the lowest level logged
   * @param format the line format
   * @param logfile the file appended to; empty for standard error
   * @throws IOException if the log file (or its directory) cannot be created or opened for append
   */
  public static void configure(LogLevel level, LogFormat format, Optional<Path> logfile)
      throws IOException {
    if (System.getProperty("logback.configurationFile") != null) {
      return;
    }
    if (logfile.isPresent()) {
      checkAppendable(logfile.get());
    }
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext ctx)) {
      return; // another SLF4J backend (e.g. in a test class path): leave it alone
    }
    ctx.reset();
    long since = System.currentTimeMillis();
    Layout<ILoggingEvent> layout = layout(ctx, format);
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(ctx);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.setLayout(layout);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender;
    if (logfile.isPresent()) {
      FileAppender<ILoggingEvent> file = new FileAppender<>();
      file.setFile(logfile.get().toAbsolutePath().toString());
      file.setAppend(true);
      appender = file;
    } else {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setTarget("System.err");
      appender = console;
    }
    appender.setContext(ctx);
    appender.setName(logfile.isPresent() ? "file" : "stderr");
    appender.setEncoder(encoder);
    appender.start();
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(libraryLevel(level));
    root.addAppender(appender);
    ctx.getLogger(OWN_LOGGERS).setLevel(Level.toLevel(level.name()));
    for (Status s : ctx.getStatusManager().getCopyOfStatusList()) {
      if (s.getLevel() == Status.ERROR && s.getTimestamp() >= since) {
        throw new IOException("cannot set up logging: " + s.getMessage());
      }
    }
  }

  /**
   * The level of the libraries' loggers (gRPC, Netty, …) for {@code level}: the same, but never
   * below INFO, since at debug Netty logs every HTTP/2 frame (gigabytes a minute under load). A
   * full logback configuration ({@code -Dlogback.configurationFile}) can still lower them.
   */
  static Level libraryLevel(LogLevel level) {
    return level.compareTo(LogLevel.INFO) > 0 ? Level.INFO : Level.toLevel(level.name());
  }

  static Layout<ILoggingEvent> layout(LoggerContext ctx, LogFormat format) {
    Layout<ILoggingEvent> layout;
    if (format == LogFormat.JSON) {
      layout = new JsonLineLayout();
    } else {
      PatternLayout p = new PatternLayout();
      p.setPattern(TEXT_PATTERN);
      layout = p;
    }
    layout.setContext(ctx);
    layout.start();
    return layout;
  }

  private static void checkAppendable(Path file) throws IOException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream o =
          Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        o.flush();
      }
    } catch (IOException e) {
      throw new IOException("cannot open logfile " + file + ": " + e, e);
    }
  }
}
