package io.immudb.bench.load;

/**
 * The settings of a {@link ServerLoad} run against a running immudb server.
 *
 * <p>Thread-safe (immutable).
 *
 * @param clientsPerChannel clients that share one gRPC channel; 0 means all share one
 */
public record ServerLoadSpec(
    String address,
    int port,
    String user,
    String password,
    String database,
    int clients,
    int clientsPerChannel,
    int batch,
    boolean verified,
    int seconds,
    int warmupSeconds,
    int keyLen,
    int valueLen) {

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException if a setting is out of range
   */
  public ServerLoadSpec {
    positive("--clients", clients);
    positive("--batch", batch);
    positive("--seconds", seconds);
    positive("--port", port);
    positive("--value-len", valueLen);
    if (clientsPerChannel < 0) {
      throw new IllegalArgumentException("--clients-per-channel must be >= 0");
    }
    if (warmupSeconds < 0) {
      throw new IllegalArgumentException("--warmup-seconds must be >= 0");
    }
  }

  /** The number of channels the clients are spread over. */
  public int channels() {
    int per = clientsPerChannel == 0 ? clients : clientsPerChannel;
    return (clients + per - 1) / per;
  }

  private static void positive(String name, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }
  }
}
