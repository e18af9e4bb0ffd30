package io.immudb.server.config;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where and how the gRPC server listens: {@code --address}, {@code --port}, {@code
 * --max-recv-msg-size} and {@code --legacy-port} of {@code ServerFlags}, which holds their
 * defaults. Immutable and thread-safe.
 *
 * @param address the address gRPC and the metrics endpoint bind to; not blank
 * @param port the gRPC port; 0 <= port <= 65535, where 0 picks a free one
 * @param maxRecvMsgSize the largest inbound message, in bytes; > 0 (spec v1 §9.1)
 * @param legacyPort the port of the v0.8 API (immudb4j 0.1.8; docs/legacy.md), plaintext on the
 *     same address; empty: not served; 0 picks a free one
 */
public record NetworkOptions(String address, int port, int maxRecvMsgSize, OptionalInt legacyPort) {
  /** Without the v0.8 API. */
  public NetworkOptions(String address, int port, int maxRecvMsgSize) {
    this(address, port, maxRecvMsgSize, OptionalInt.empty());
  }

  /**
   * Validates the settings.
   *
   * @throws ConfigException naming the first invalid setting
   */
  public NetworkOptions {
    Objects.requireNonNull(address, "address");
    checkPort("port", port);
    Objects.requireNonNull(legacyPort, "legacyPort");
    if (legacyPort.isPresent()) {
      checkPort("legacy-port", legacyPort.getAsInt());
      if (legacyPort.getAsInt() != 0 && legacyPort.getAsInt() == port) {
        throw new ConfigException(
            "legacy-port", "legacy-port must differ from port, both are " + port);
      }
    }
    if (maxRecvMsgSize <= 0) {
      throw new ConfigException(
          "max-recv-msg-size", "max-recv-msg-size must be > 0, got " + maxRecvMsgSize);
    }
    if (address.isBlank()) {
      throw new ConfigException("address", "address must not be empty");
    }
  }

  /**
   * Checks 0 <= port <= 65535.
   *
   * @throws ConfigException naming {@code setting} otherwise
   */
  static void checkPort(String setting, int port) {
    if (port < 0 || port > 65535) {
      throw new ConfigException(setting, setting + " must be between 0 and 65535, got " + port);
    }
  }
}
