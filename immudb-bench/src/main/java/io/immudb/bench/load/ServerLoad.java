package io.immudb.bench.load;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.immudb.proto.SetRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The {@code server} benchmark: {@code clients} closed-loop clients, each with one {@code Set} or
 * {@code VerifiableSet} call in flight at a time ({@link ServerClient}), send their calls (spec v1
 * §9) to a running immudb server over plaintext gRPC, for the warm-up and then for the measured
 * seconds.
 *
 * <p>The run speaks the API of {@code --api} ({@link ServerApi}: v1.1, or v0.8 on the legacy port),
 * logs in once ({@code Login}, then {@code UseDatabase} for the database's token) and every client
 * sends that token as {@code authorization: Bearer <token>}. Clients are spread over {@link
 * ServerLoadSpec#channels()} channels, {@code clientsPerChannel} to a channel; each client has its
 * own stub. By default all clients share one channel: on two cores, with 100 clients, that was
 * faster than one channel per 10 clients or per client (docs/benchmarks.md). All requests are
 * generated before the clients start ({@link ServerKeys}).
 *
 * <p>Not thread-safe: {@link #run} is called from one thread, which owns the clients and the
 * channels. A failed call is counted, not fatal; a failed login throws.
 */
public final class ServerLoad {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ServerLoadSpec spec;
  private final PrintStream log;

  /**
   * The calls of client {@code client} over {@code channel} with {@code headers} (the token): what
   * a run sends. {@link #run(ServerLoadSpec, PrintStream)} sends the spec's pre-built {@code Set}
   * requests; other workloads (the SQL benchmark, {@link SqlLoad}) bring their own.
   */
  interface Calls {
    ServerCall client(int client, Channel channel, Metadata headers);
  }

  private ServerLoad(ServerLoadSpec spec, PrintStream log) {
    this.spec = spec;
    this.log = log;
  }

  /**
   * Runs {@code spec} against the server, printing progress to {@code log}.
   *
   * @throws io.grpc.StatusRuntimeException if the login or {@code UseDatabase} fails
   * @throws IllegalArgumentException if the keys don't fit in the key length
   */
  public static ServerResult run(ServerLoadSpec spec, PrintStream log) {
    SetRequest[][] requests =
        ServerKeys.generate(spec.clients(), spec.batch(), spec.keyLen(), spec.valueLen());
    ServerApi api = ServerApi.of(spec.api());
    return new ServerLoad(spec, log)
        .run(api, (c, ch, md) -> api.client(ch, md, requests[c], spec.verified()));
  }

  /**
   * Runs {@code calls} with the clients, channels, timing and login of {@code spec} (whose batch,
   * verified flag and key and value lengths are then only reported).
   */
  static ServerResult run(ServerLoadSpec spec, PrintStream log, ServerApi api, Calls calls) {
    return new ServerLoad(spec, log).run(api, calls);
  }

  private ServerResult run(ServerApi api, Calls calls) {
    List<ManagedChannel> channels = new ArrayList<>();
    try {
      for (int i = 0; i < spec.channels(); i++) {
        channels.add(
            ManagedChannelBuilder.forAddress(spec.address(), spec.port())
                .usePlaintext()
                // Answers are handled on the transport thread: they only record and send the next.
                .directExecutor()
                .build());
      }
      Metadata md =
          bearer(api.login(channels.get(0), spec.user(), spec.password(), spec.database()));
      log.printf(
          "server %s:%d (API %s) database %s: %d clients over %d channels, batch %d%s, %d+%d s%n",
          spec.address(),
          spec.port(),
          spec.api(),
          spec.database(),
          spec.clients(),
          channels.size(),
          spec.batch(),
          spec.verified() ? ", verified" : "",
          spec.warmupSeconds(),
          spec.seconds());
      for (ManagedChannel ch : channels) {
        ch.getState(true); // connect now, not on the first measured call
      }
      return drive(calls, channels, md);
    } finally {
      for (ManagedChannel ch : channels) {
        ch.shutdownNow();
      }
      for (ManagedChannel ch : channels) {
        try {
          ch.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** The {@code authorization: Bearer <token>} header. */
  static Metadata bearer(String token) {
    Metadata md = new Metadata();
    md.put(AUTHORIZATION, "Bearer " + token);
    return md;
  }

  private ServerResult drive(Calls calls, List<ManagedChannel> channels, Metadata md) {
    int perChannel = spec.clientsPerChannel() == 0 ? spec.clients() : spec.clientsPerChannel();
    LongAdder warmupDone = new LongAdder();
    LongAdder measuredDone = new LongAdder();
    ServerErrors errors = new ServerErrors(log);
    long start = System.nanoTime();
    long measureStart = start + TimeUnit.SECONDS.toNanos(spec.warmupSeconds());
    long end = measureStart + TimeUnit.SECONDS.toNanos(spec.seconds());
    List<ServerClient> clients = new ArrayList<>(spec.clients());
    CountDownLatch finished = new CountDownLatch(spec.clients());
    ExecutorService afterError =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-server-retry"));
    for (int i = 0; i < spec.clients(); i++) {
      ServerCall call = calls.client(i, channels.get(i / perChannel), md);
      clients.add(
          new ServerClient(
              call, measureStart, end, warmupDone, measuredDone, errors, finished, afterError));
    }
    clients.forEach(ServerClient::sendNext);
    try {
      if (spec.warmupSeconds() > 0) {
        try (ProgressReporter p = new ProgressReporter(log, "warm-up", "tx", 0, warmupDone::sum)) {
          TimeUnit.NANOSECONDS.sleep(measureStart - System.nanoTime());
        }
      }
      try (ProgressReporter p = new ProgressReporter(log, "server", "tx", 0, measuredDone::sum)) {
        finished.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      afterError.shutdownNow();
    }
    Histogram all = new Histogram(3);
    long lastEnd = measureStart;
    long lastTxId = 0;
    for (ServerClient c : clients) {
      all.add(c.latencyMicros());
      if (c.latencyMicros().getTotalCount() > 0 && c.lastEndNanos() - lastEnd > 0) {
        lastEnd = c.lastEndNanos();
      }
      lastTxId = Math.max(lastTxId, c.lastTxId());
    }
    // Throughput is over the measured window, or up to the last measured call if that ran later.
    long elapsed = Math.max(end, lastEnd) - measureStart;
    return new ServerResult(spec, all.getTotalCount(), errors.measured(), elapsed, all, lastTxId);
  }
}
