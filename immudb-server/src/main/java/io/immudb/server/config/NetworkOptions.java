package io.immudb.server.config;

import java.util.Objects;

/**
 * Where and how the gRPC server listens: {@code --address}, {@code --port} and {@code
 * --max-recv-msg-size} of {@code ServerFlags}, which holds their defaults. Immutable and
 * thread-safe.
 *
 * @param address the address gRPC and the metrics endpoint bind to; not blank
 * @param port the gRPC port; 0 <= port <= 65535, where 0 picks a free one
 * @param maxRecvMsgSize the largest inbound message, in bytes; > 0 (spec v1 §9.1)
 */
public record NetworkOptions(String address, int port, int maxRecvMsgSize) {
  /**
   * Validates the settings.
   *
   * @throws ConfigException naming the first invalid setting
   */
  public NetworkOptions {
    Objects.requireNonNull(address, "address");
    checkPort("port", port);
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
