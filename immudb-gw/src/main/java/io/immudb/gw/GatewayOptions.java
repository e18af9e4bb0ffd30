package io.immudb.gw;

import io.immudb.cli.audit.AuditorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The validated settings of a {@link Gateway}. Immutable; the compact constructor rejects
 * inconsistent settings with an {@link IllegalArgumentException} naming the flag.
 *
 * @param address the address the gateway's HTTP port binds to
 * @param port its port, 0-65535 (0: any free port)
 * @param immudbAddress the immudb server's host
 * @param immudbPort its gRPC port, 1-65535
 * @param upstreamTls the TLS flags of the connection to the server (immuclient's)
 * @param rootsDir where the trusted states are kept
 * @param serverSigningPubKey the server's state-signing public key (PEM), or null: states are then
 *     not required to be signed
 * @param maxRecvMsgSize the largest answer accepted from the server, and the largest request body
 * @param deadline how long one call to the server may take
 * @param metricsPort the metrics endpoint's port on {@code address}, 0-65535, or -1 for none
 * @param audit the auditor's settings with {@code --audit}, else null
 */
public record GatewayOptions(
    String address,
    int port,
    String immudbAddress,
    int immudbPort,
    UpstreamTls upstreamTls,
    Path rootsDir,
    Path serverSigningPubKey,
    int maxRecvMsgSize,
    Duration deadline,
    int metricsPort,
    AuditorOptions audit) {
  public GatewayOptions {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(immudbAddress, "immudbAddress");
    Objects.requireNonNull(upstreamTls, "upstreamTls");
    Objects.requireNonNull(rootsDir, "rootsDir");
    Objects.requireNonNull(deadline, "deadline");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0-65535, got " + port);
    }
    if (immudbPort < 1 || immudbPort > 65535) {
      throw new IllegalArgumentException("--immudb-port must be 1-65535, got " + immudbPort);
    }
    if (metricsPort < -1 || metricsPort > 65535) {
      throw new IllegalArgumentException("--metrics-port must be 0-65535, got " + metricsPort);
    }
    if (port != 0 && port == metricsPort) {
      throw new IllegalArgumentException("--port and --metrics-port must differ, both " + port);
    }
    if (maxRecvMsgSize <= 0) {
      throw new IllegalArgumentException("--max-recv-msg-size must be > 0, got " + maxRecvMsgSize);
    }
    if (audit != null && upstreamTls.enabled()) {
      throw new IllegalArgumentException(
          "--audit does not support a TLS connection to the server yet (--tls/--mtls)");
    }
  }
}
