package io.immudb.cli.audit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test HTTP endpoint on loopback that keeps every POST it receives, answering {@code status}. */
final class NotificationReceiver implements AutoCloseable {
  /** One request: its Authorization and Content-Type headers and its body. */
  record Received(String authorization, String contentType, String body) {}

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  NotificationReceiver(int status) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  ex.getRequestHeaders().getFirst("Authorization"),
                  ex.getRequestHeaders().getFirst("Content-Type"),
                  new String(body, StandardCharsets.UTF_8)));
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** The next request, waiting at most 10 s; null if none came. */
  Received next() throws InterruptedException {
    return received.poll(10, TimeUnit.SECONDS);
  }

  /** How many requests are waiting. */
  int pending() {
    return received.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
