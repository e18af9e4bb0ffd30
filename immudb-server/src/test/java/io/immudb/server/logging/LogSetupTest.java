package io.immudb.server.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.immudb.server.config.LogFormat;
import io.immudb.server.config.LogLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {
  @TempDir Path tmp;

  @AfterEach
  void restoreDefault() throws Exception {
    LogSetup.configure(LogLevel.INFO, LogFormat.TEXT, Optional.empty());
  }

  @Test
  void jsonLinesParseAndCarryTheFields() throws Exception {
    Path file = tmp.resolve("logs/immudb.log");
    LogSetup.configure(LogLevel.INFO, LogFormat.JSON, Optional.of(file));
    Logger log = LoggerFactory.getLogger("io.immudb.test.Json");
    log.info("hello \"world\"\nsecond line");
    log.debug("not logged at info");
    log.error("it failed", new IllegalStateException("boom"));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    assertThat(first.get("level").getAsString()).isEqualTo("INFO");
    assertThat(first.get("logger").getAsString()).isEqualTo("io.immudb.test.Json");
    assertThat(first.get("message").getAsString()).isEqualTo("hello \"world\"\nsecond line");
    assertThat(first.get("thread").getAsString()).isEqualTo(Thread.currentThread().getName());
    assertThat(first.has("exception")).isFalse();
    Instant t = Instant.parse(first.get("time").getAsString());
    assertThat(t).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    JsonObject second = JsonParser.parseString(lines.get(1)).getAsJsonObject();
    assertThat(second.get("level").getAsString()).isEqualTo("ERROR");
    assertThat(second.get("exception").getAsString())
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("LogSetupTest");
  }

  @Test
  void textLinesAreAppendedToAnExistingFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("immudb.log"), "earlier line\n");
    LogSetup.configure(LogLevel.DEBUG, LogFormat.TEXT, Optional.of(file));
    Logger log = LoggerFactory.getLogger("io.immudb.test.Text");
    log.debug("debug is on");
    log.trace("trace is not");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("earlier line");
    assertThat(lines.get(1))
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z DEBUG \\[.+\\]"
                + " io\\.immudb\\.test\\.Text - debug is on");
  }

  @Test
  void levelErrorDropsWarnings() throws Exception {
    Path file = tmp.resolve("immudb.log");
    LogSetup.configure(LogLevel.ERROR, LogFormat.TEXT, Optional.of(file));
    Logger log = LoggerFactory.getLogger("io.immudb.test.Level");
    log.warn("dropped");
    log.error("kept");
    assertThat(Files.readAllLines(file)).singleElement().asString().endsWith(" - kept");
  }

  @Test
  void debugIsForTheServersOwnLoggersLibrariesStayAtInfo() throws Exception {
    Path file = tmp.resolve("immudb.log");
    LogSetup.configure(LogLevel.DEBUG, LogFormat.TEXT, Optional.of(file));
    LoggerFactory.getLogger("io.netty.handler.codec.http2.Http2FrameLogger").debug("a frame");
    LoggerFactory.getLogger("io.grpc.netty.NettyServerHandler").info("library info");
    LoggerFactory.getLogger("io.immudb.server.Own").debug("own debug");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).endsWith(" - library info");
    assertThat(lines.get(1)).endsWith(" - own debug");
  }

  @Test
  void aLogFileThatCannotBeOpenedIsReported() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("adir"));
    assertThatThrownBy(() -> LogSetup.configure(LogLevel.INFO, LogFormat.TEXT, Optional.of(dir)))
        .hasMessageStartingWith("cannot open logfile " + dir);
  }
}
