package io.immudb.bench.load;

import com.google.protobuf.ByteString;
import io.immudb.proto.KeyValue;
import io.immudb.proto.SetRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The pre-generated requests of the {@code server} benchmark. Client {@code c}'s key number {@code
 * i} is {@code "k"}, then {@code c} zero-padded to the width of the largest client index, then
 * {@code "-"}, then {@code i} zero-padded to fill the key length: {@code k07-0000…0042}. Keys are
 * thus unique per client and sequential within it. Values are random, drawn from a shared pool.
 *
 * <p>Each client gets a ring of {@link #requestsPerClient} requests; a client that uses them all
 * starts over, writing new versions of its keys.
 *
 * <p>Thread-safe once built (immutable messages).
 */
final class ServerKeys {
  /** Entries generated over all clients, to bound memory (about 200 bytes each). */
  static final int POOL_ENTRIES = 1 << 18;

  private static final int MAX_REQUESTS_PER_CLIENT = 1 << 16;
  private static final int MIN_REQUESTS_PER_CLIENT = 4;
  private static final int VALUE_POOL = 1024;

  private ServerKeys() {}

  /** The ring size for {@code clients} clients sending {@code batch} entries per request. */
  static int requestsPerClient(int clients, int batch) {
    long fair = POOL_ENTRIES / ((long) clients * batch);
    return (int) Math.max(MIN_REQUESTS_PER_CLIENT, Math.min(MAX_REQUESTS_PER_CLIENT, fair));
  }

  /**
   * Generates the requests of every client: {@code [client][request]}.
   *
   * @throws IllegalArgumentException if the keys don't fit in {@code keyLen} bytes
   */
  static SetRequest[][] generate(int clients, int batch, int keyLen, int valueLen) {
    int perClient = requestsPerClient(clients, batch);
    int clientWidth = digits(clients - 1);
    int seqWidth = keyLen - 2 - clientWidth;
    long keysPerClient = (long) perClient * batch;
    if (seqWidth < digits(keysPerClient - 1)) {
      throw new IllegalArgumentException(
          "--key-len " + keyLen + " is too short for " + clients + " clients' keys");
    }
    SplittableRandom rnd = new SplittableRandom(42);
    ByteString[] values =
        new ByteString[(int) Math.min(VALUE_POOL, (long) perClient * batch * clients)];
    for (int i = 0; i < values.length; i++) {
      byte[] v = new byte[valueLen];
      rnd.nextBytes(v);
      values[i] = ByteString.copyFrom(v);
    }
    SetRequest[][] all = new SetRequest[clients][perClient];
    String fmt = "k%0" + clientWidth + "d-%0" + seqWidth + "d";
    for (int c = 0; c < clients; c++) {
      long seq = 0;
      for (int r = 0; r < perClient; r++) {
        SetRequest.Builder b = SetRequest.newBuilder();
        for (int e = 0; e < batch; e++, seq++) {
          byte[] key = String.format(Locale.ROOT, fmt, c, seq).getBytes(StandardCharsets.US_ASCII);
          b.addKVs(
              KeyValue.newBuilder()
                  .setKey(ByteString.copyFrom(key))
                  .setValue(values[rnd.nextInt(values.length)]));
        }
        all[c][r] = b.build();
      }
    }
    return all;
  }

  private static int digits(long v) {
    return Math.max(1, Long.toString(v).length());
  }
}
