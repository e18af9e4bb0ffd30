package io.immudb.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats a log event as one JSON object on one line ({@code --logformat json}):
 *
 * <pre>{@code
 * {"time":"2025-01-31T10:15:30.123Z","level":"INFO","logger":"io.immudb.server.ImmudbMain",
 *  "thread":"main","message":"listening on 0.0.0.0:3322"}
 * }</pre>
 *
 * (shown wrapped). {@code time} is UTC with milliseconds; {@code exception}, the stack trace as one
 * string, is present only when the event carries a throwable. Newlines inside values are escaped,
 * so every event is exactly one line. Thread-safe (Gson writers are per call).
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter s = new StringWriter(256);
    try (JsonWriter w = new JsonWriter(s)) {
      w.setHtmlSafe(false);
      w.beginObject();
      w.name("time").value(TIME.format(Instant.ofEpochMilli(event.getTimeStamp())));
      w.name("level").value(event.getLevel().toString());
      w.name("logger").value(event.getLoggerName());
      w.name("thread").value(event.getThreadName());
      w.name("message").value(event.getFormattedMessage());
      IThrowableProxy t = event.getThrowableProxy();
      if (t != null) {
        w.name("exception").value(ThrowableProxyUtil.asString(t));
      }
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return s.append('\n').toString();
  }

  @Override
  public String getContentType() {
    return "application/x-ndjson";
  }
}
