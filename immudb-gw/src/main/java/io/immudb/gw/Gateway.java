package io.immudb.gw;

import io.grpc.ManagedChannel;
import io.immudb.cli.ClientTlsFiles;
import io.immudb.cli.audit.Auditor;
import io.immudb.client.ImmuClient;
import io.immudb.client.ImmuClientBuilder;
import io.immudb.client.StateHolder;
import io.immudb.client.internal.Verifier;
import io.immudb.core.state.StateSignatures;
import io.immudb.http.WebServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * immugw, the verifying gateway: immudb's REST routes on its own HTTP port, forwarded over gRPC to
 * one immudb server, except the verifiable routes, whose proofs the gateway checks itself against
 * its own persisted trusted states before it answers ({@link VerifyingRoutes}); with {@code
 * --audit}, the auditor runs inside it. The module's door. See {@code docs/gateway.md}.
 *
 * <p>Owns the channel to the server, the web server, the metrics endpoint and the auditor's thread;
 * {@link #close()} stops them all (idempotent). Thread-safe.
 */
public final class Gateway implements AutoCloseable {
  private final ManagedChannel channel;
  private final WebServer web;
  private final GatewayMetrics metrics;
  private final Auditor auditor;
  private final Thread auditThread;
  private boolean closed;

  private Gateway(
      ManagedChannel channel,
      WebServer web,
      GatewayMetrics metrics,
      Auditor auditor,
      Thread auditThread) {
    this.channel = channel;
    this.web = web;
    this.metrics = metrics;
    this.auditor = auditor;
    this.auditThread = auditThread;
  }

  /**
   * Starts the gateway. The server is contacted by the first request, not here.
   *
   * @param version shown in the OpenAPI document
   * @param auditOut where the auditor's result lines go (with {@code --audit})
   * @throws IOException if a port cannot be bound
   * @throws IllegalArgumentException if a TLS file or the signing key is unusable
   */
  public static Gateway start(GatewayOptions o, String version, PrintStream auditOut)
      throws IOException {
    ImmuClientBuilder b =
        ImmuClient.builder()
            .address(o.immudbAddress())
            .port(o.immudbPort())
            .maxInboundMessageSize(o.maxRecvMsgSize());
    UpstreamTls t = o.upstreamTls();
    ClientTlsFiles.apply(
        b, t.tls(), t.mtls(), t.serverName(), t.certificate(), t.pkey(), t.clientCas());
    byte[] key = o.serverSigningPubKey() == null ? null : publicKeyPoint(o.serverSigningPubKey());
    Verifier verifier = new Verifier(key);
    TrustedStates states = new TrustedStates(StateHolder.inDirectory(o.rootsDir()), verifier);
    GatewayMetrics metrics = new GatewayMetrics();
    String fallbackId =
        (o.immudbAddress() + "_" + o.immudbPort()).replaceAll("[^A-Za-z0-9_.-]", "_");
    VerifyingRoutes routes =
        new VerifyingRoutes(states, new ProofChecks(verifier), metrics, o.deadline(), fallbackId);
    ManagedChannel channel = b.channel();
    WebServer web = null;
    Auditor auditor = null;
    try {
      web =
          WebServer.forward(
              new InetSocketAddress(o.address(), o.port()),
              channel,
              null,
              o.maxRecvMsgSize(),
              version,
              routes.overrides());
      if (o.metricsPort() >= 0) {
        metrics.serve(o.address(), o.metricsPort());
      }
      Thread auditThread = null;
      if (o.audit() != null) {
        auditor = new Auditor(o.audit(), auditOut, auditOut, metrics.registry(), "immugw");
        Auditor a = auditor;
        auditThread = new Thread(a::run, "immugw-audit");
        auditThread.setDaemon(true);
        auditThread.start();
      }
      return new Gateway(channel, web, metrics, auditor, auditThread);
    } catch (IOException | RuntimeException e) {
      if (auditor != null) {
        auditor.close();
      }
      metrics.close();
      if (web != null) {
        web.close();
      }
      channel.shutdownNow();
      throw e;
    }
  }

  /** The gateway's HTTP port. */
  public int port() {
    return web.port();
  }

  /** The metrics endpoint's port; -1 if there is none. */
  public int metricsPort() {
    return metrics.port();
  }

  /** Stops the auditor, the HTTP and metrics endpoints and the connection to the server. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (auditor != null) {
      auditor.stop();
      try {
        auditThread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      auditor.close();
    }
    web.close();
    metrics.close();
    channel.shutdown();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    channel.shutdownNow();
  }

  /** The uncompressed point of the EC public key in the PEM file {@code pem}. */
  static byte[] publicKeyPoint(Path pem) {
    String text;
    try {
      text = Files.readString(pem);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --server-signing-pub-key " + pem, e);
    }
    String b64 =
        text.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      ECPublicKey k =
          (ECPublicKey)
              KeyFactory.getInstance("EC")
                  .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
      return StateSignatures.publicKeyBytes(k);
    } catch (java.security.GeneralSecurityException
        | IllegalArgumentException
        | ClassCastException e) {
      throw new IllegalArgumentException(
          "--server-signing-pub-key " + pem + ": not a PEM EC public key (" + e.getMessage() + ")",
          e);
    }
  }
}
