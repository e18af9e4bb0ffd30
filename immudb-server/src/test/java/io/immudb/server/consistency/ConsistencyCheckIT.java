package io.immudb.server.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.immudb.proto.Entry;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.KeyValue;
import io.immudb.proto.LoginRequest;
import io.immudb.proto.SetRequest;
import io.immudb.server.ImmudbServer;
import io.immudb.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on a loopback port with the consistency checker on: a value damaged on disk while
 * the server runs is found by the checker, and the database then refuses writes over gRPC with
 * FAILED_PRECONDITION while reads go on.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConsistencyCheckIT {
  @TempDir Path tmp;

  private static ByteString s(String v) {
    return ByteString.copyFromUtf8(v);
  }

  private static ImmuServiceBlockingStub login(ManagedChannel ch) {
    ImmuServiceBlockingStub anon = ImmuServiceGrpc.newBlockingStub(ch);
    String token =
        anon.login(LoginRequest.newBuilder().setUser(s("immudb")).setPassword(s("immudb")).build())
            .getToken();
    Metadata md = new Metadata();
    md.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return anon.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
  }

  private static void set(ImmuServiceBlockingStub c, String k, String v) {
    c.set(
        SetRequest.newBuilder().addKVs(KeyValue.newBuilder().setKey(s(k)).setValue(s(v))).build());
  }

  @Test
  void aValueDamagedWhileTheServerRunsIsFoundAndWritesAreRefused() throws Exception {
    ServerConfig cfg =
        ServerConfig.builder()
            .set("dir", tmp.resolve("data"))
            .set("address", "127.0.0.1")
            .set("port", 0)
            .set("synced", false)
            .set("consistency-check-interval", Duration.ofMillis(50))
            .set("consistency-check-samples", 8)
            .set("metrics-server", true)
            .set("metrics-server-port", 0)
            .build();
    try (ImmudbServer server = ImmudbServer.start(cfg)) {
      ManagedChannel ch =
          NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        ImmuServiceBlockingStub c = login(ch);
        for (int i = 0; i < 30; i++) {
          // key12's value is too long to be inline in its tx record: it is in the value log.
          set(
              c,
              "key" + i,
              i == 12 ? ("value number " + i + ";").repeat(400) : "value number " + i);
        }
        ConsistencyChecker checker = server.consistencyChecker().orElseThrow();
        long last = server.registry().get("defaultdb").lastTxId();
        awaitTrue(
            () -> checker.status("defaultdb").map(st -> st.lastCheckedTx() >= last).orElse(false),
            "the checker reaches the last tx");
        assertThat(checker.status("defaultdb").orElseThrow().mismatches()).isZero();

        Entry victim = c.get(KeyRequest.newBuilder().setKey(s("key12")).build());
        long valuesOff = LogOffsets.valuesOff(tmp.resolve("data/defaultdb"), victim.getTx());
        ConsistencyCheckerTest.flip(tmp.resolve("data/defaultdb/val/00000000.seg"), valuesOff + 15);

        awaitTrue(
            () -> checker.status("defaultdb").orElseThrow().corruption().isPresent(),
            "the checker finds the damaged value");
        ConsistencyStatus st = checker.status("defaultdb").orElseThrow();
        assertThat(st.corruption().orElseThrow().txId()).isEqualTo(victim.getTx());
        assertThat(st.corruption().orElseThrow().location())
            .endsWith("val/00000000.seg at offset " + valuesOff);
        assertThat(st.mismatches()).isEqualTo(1);
        assertThat(checker.mismatches()).isEqualTo(1);

        assertThatThrownBy(() -> set(c, "after", "corruption"))
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> {
                  assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                  assertThat(e.getStatus().getDescription())
                      .isEqualTo(
                          "database defaultdb is read-only: corruption detected at tx "
                              + victim.getTx());
                });
        Entry other = c.get(KeyRequest.newBuilder().setKey(s("key3")).build());
        assertThat(other.getValue().toStringUtf8()).isEqualTo("value number 3");

        String metrics = scrape(server.metricsPort().orElseThrow());
        assertThat(metrics)
            .contains(
                "immudb_consistency_check_mismatches{db=\"defaultdb\"} 1.0",
                "immudb_consistency_check_mismatches{db=\"systemdb\"} 0.0",
                "immudb_consistency_check_last_checked_tx_id{db=\"defaultdb\"} " + last + ".0");
        assertThat(sample(metrics, "immudb_consistency_check_txs_checked{db=\"defaultdb\"}"))
            .isGreaterThanOrEqualTo(last - 1);
        assertThat(sample(metrics, "immudb_consistency_check_rounds_total")).isPositive();
        assertThat(sample(metrics, "immudb_consistency_check_cpu_seconds_total")).isPositive();
      } finally {
        ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void theCheckerCanBeTurnedOff() throws Exception {
    ServerConfig cfg =
        ServerConfig.builder()
            .set("dir", tmp.resolve("off"))
            .set("address", "127.0.0.1")
            .set("port", 0)
            .set("synced", false)
            .set("consistency-check", false)
            .build();
    try (ImmudbServer server = ImmudbServer.start(cfg)) {
      assertThat(server.consistencyChecker()).isEmpty();
    }
  }

  private static String scrape(int port) throws Exception {
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  /** The value of the sample line starting {@code series + " "} in an exposition. */
  private static double sample(String exposition, String series) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample " + series + " in\n" + exposition));
  }

  private static void awaitTrue(java.util.function.BooleanSupplier cond, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}
