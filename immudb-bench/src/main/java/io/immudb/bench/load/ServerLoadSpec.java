package io.immudb.bench.load;

/**
 * The settings of a {@link ServerLoad} run against a running immudb server.
 *
 * <p>Thread-safe (immutable).
 *
 * @param api the API spoken: {@code v1} (spec v1 §9) or {@code legacy} (the v0.8 API of the legacy
 *     port; {@link ServerApi})
 * @param clientsPerChannel clients that share one gRPC channel; 0 means all share one
 */
public record ServerLoadSpec(
    String api,
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
    if (!api.equals("v1") && !api.equals("legacy")) {
      throw new IllegalArgumentException("--api must be v1 or legacy, got '" + api + "'");
    }
    if (api.equals("legacy") && verified && batch != 1) {
      throw new IllegalArgumentException(
          "--api legacy --verified sends SafeSet, which takes one entry: use --batch 1");
    }
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
