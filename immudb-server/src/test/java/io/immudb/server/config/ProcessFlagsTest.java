package io.immudb.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --pidfile, --logfile, --logformat, --log-level and -d/--detached, with their variables. */
class ProcessFlagsTest {
  @TempDir Path tmp;

  private static ServerConfig parse(Map<String, String> env, String... args) {
    return ServerCommand.parse(args, env);
  }

  @Test
  void defaults() {
    ServerConfig c = parse(Map.of());
    assertThat(c.process().pidfile()).isEmpty();
    assertThat(c.process().logfile()).isEmpty();
    assertThat(c.process().logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(c.process().logLevel()).isEqualTo(LogLevel.INFO);
    assertThat(c.process().detached()).isFalse();
  }

  @Test
  void flags() {
    ServerConfig c =
        parse(
            Map.of(),
            "--pidfile",
            tmp.resolve("immudb.pid").toString(),
            "--logfile",
            tmp.resolve("immudb.log").toString(),
            "--logformat",
            "JSON",
            "--log-level",
            "debug",
            "-d");
    assertThat(c.process().pidfile()).contains(tmp.resolve("immudb.pid"));
    assertThat(c.process().logfile()).contains(tmp.resolve("immudb.log"));
    assertThat(c.process().logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(c.process().logLevel()).isEqualTo(LogLevel.DEBUG);
    assertThat(c.process().detached()).isTrue();
    assertThat(parse(Map.of(), "--detached", "false").process().detached()).isFalse();
  }

  @Test
  void environmentVariables() {
    ServerConfig c =
        parse(
            Map.of(
                "IMMUDB_PIDFILE", "/run/x.pid",
                "IMMUDB_LOGFILE", "/var/log/x.log",
                "IMMUDB_LOGFORMAT", "json",
                "IMMUDB_DETACHED", "true"));
    assertThat(c.process().pidfile()).contains(Path.of("/run/x.pid"));
    assertThat(c.process().logfile()).contains(Path.of("/var/log/x.log"));
    assertThat(c.process().logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(c.process().detached()).isTrue();
  }

  @Test
  void logLevelFlagWinsOverImmudbLogLevelWhichWinsOverLogLevel() {
    assertThat(parse(Map.of("LOG_LEVEL", "warn")).process().logLevel()).isEqualTo(LogLevel.WARN);
    assertThat(parse(Map.of("LOG_LEVEL", "warn", "IMMUDB_LOG_LEVEL", "error")).process().logLevel())
        .isEqualTo(LogLevel.ERROR);
    assertThat(
            parse(Map.of("LOG_LEVEL", "warn", "IMMUDB_LOG_LEVEL", "error"), "--log-level", "trace")
                .process()
                .logLevel())
        .isEqualTo(LogLevel.TRACE);
  }

  @Test
  void badValuesNameTheFlag() throws Exception {
    assertThatThrownBy(() -> parse(Map.of(), "--log-level", "verbose"))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo("log-level"))
        .hasMessage("log-level must be one of error|warn|info|debug|trace, got 'verbose'");
    assertThatThrownBy(() -> parse(Map.of("LOG_LEVEL", "loud")))
        .hasMessageContaining("log-level must be one of");
    assertThatThrownBy(() -> parse(Map.of(), "--logformat", "xml"))
        .hasMessage("logformat must be text or json, got 'xml'");
    Path dir = Files.createDirectory(tmp.resolve("d"));
    assertThatThrownBy(() -> parse(Map.of(), "--pidfile", dir.toString()))
        .hasMessage("pidfile " + dir + " is a directory; give a file name");
    assertThatThrownBy(() -> parse(Map.of(), "--logfile", dir.toString()))
        .hasMessage("logfile " + dir + " is a directory; give a file name");
    assertThatThrownBy(() -> parse(Map.of(), "-d", "--port", "0"))
        .hasMessageContaining("detached needs a fixed port");
  }
}
