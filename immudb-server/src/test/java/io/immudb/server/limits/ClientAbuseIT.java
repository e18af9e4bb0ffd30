package io.immudb.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.sun.management.UnixOperatingSystemMXBean;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.util.internal.PlatformDependent;
import io.grpc.stub.MetadataUtils;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.KeyValue;
import io.immudb.proto.LoginRequest;
import io.immudb.proto.SetRequest;
import io.immudb.server.ImmudbServer;
import io.immudb.server.config.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abusive clients against the real server on a loopback port (docs/server.md, "Limits"): a flood of
 * logins with wrong passwords, 2,000 idle connections, a client that sends half an HTTP/2 frame and
 * stalls, oversized metadata. Each abuse meets its limit with a clear error, and a well-behaved
 * client keeps being answered meanwhile.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClientAbuseIT {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @TempDir Path tmp;
  private ImmudbServer server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws IOException {
    server =
        ImmudbServer.start(
            ServerConfig.builder()
                .set("dir", tmp.resolve("data"))
                .set("address", "127.0.0.1")
                .set("port", 0)
                .set("synced", false)
                .set("max-failed-logins", 5)
                .build());
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws IOException {
    channel.shutdownNow();
    server.close();
  }

  private static ByteString s(String v) {
    return ByteString.copyFromUtf8(v);
  }

  private ImmuServiceBlockingStub anonymous() {
    return ImmuServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static LoginRequest login(String password) {
    return LoginRequest.newBuilder().setUser(s("immudb")).setPassword(s(password)).build();
  }

  private ImmuServiceBlockingStub loggedIn() {
    String token = anonymous().login(login("immudb")).getToken();
    Metadata md = new Metadata();
    md.put(AUTHORIZATION, "Bearer " + token);
    return ImmuServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
  }

  /** {@code n} Set calls, each of which must succeed within 5 s. */
  private static void setsAreAnswered(ImmuServiceBlockingStub c, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      c.withDeadlineAfter(5, TimeUnit.SECONDS)
          .set(
              SetRequest.newBuilder()
                  .addKVs(KeyValue.newBuilder().setKey(s(prefix + i)).setValue(s("v" + i)))
                  .build());
    }
  }

  private static void assertStatus(Runnable call, Status.Code code, String text) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).as(e.toString()).isEqualTo(code);
              assertThat(e.getStatus().getDescription()).contains(text);
            });
  }

  @Test
  void aFloodOfWrongPasswordsIsCutOffAndOthersAreServed() throws Exception {
    ImmuServiceBlockingStub good = loggedIn();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Status.Code>> flood = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        flood.add(
            pool.submit(
                () -> {
                  try {
                    anonymous().login(login("wrong-password"));
                    return Status.Code.OK;
                  } catch (StatusRuntimeException e) {
                    return e.getStatus().getCode();
                  }
                }));
      }
      setsAreAnswered(good, "during-flood-", 50);
      List<Status.Code> codes = new ArrayList<>();
      for (Future<Status.Code> f : flood) {
        codes.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(codes).doesNotContain(Status.Code.OK);
      assertThat(codes)
          .as("at most 5 wrong passwords per minute get a password check")
          .filteredOn(c -> c == Status.Code.UNAUTHENTICATED)
          .hasSizeLessThanOrEqualTo(5 + 8); // + those in flight when the 5th failed
      assertThat(codes).filteredOn(c -> c == Status.Code.RESOURCE_EXHAUSTED).isNotEmpty();
    } finally {
      pool.shutdownNow();
    }
    // The address is refused for the rest of the minute, the right password too, with a message
    // that names the limit; a client that is logged in goes on.
    assertStatus(
        () -> anonymous().login(login("immudb")),
        Status.Code.RESOURCE_EXHAUSTED,
        "(limit --max-failed-logins=5)");
    setsAreAnswered(good, "after-flood-", 10);
  }

  /** Most memory (heap, and Netty's direct memory, each) one idle connection may hold. */
  private static final long MAX_BYTES_PER_IDLE_CONNECTION = 64 * 1024;

  /** The heap in use after a full collection (asked for twice; the JVM may take its time). */
  private static long heapUsedAfterGc() throws InterruptedException {
    for (int i = 0; i < 2; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void idleConnectionsAndAStalledHalfFrameDoNotStopOthers() throws Exception {
    int idle = 2000;
    long fds =
        ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getMaxFileDescriptorCount();
    assertThat(fds)
        .as("this test opens %d connections (2 descriptors each in one JVM): raise ulimit -n", idle)
        .isGreaterThan(2L * idle + 1000);
    ImmuServiceBlockingStub good = loggedIn();
    setsAreAnswered(good, "warm-", 20);
    long heapBefore = heapUsedAfterGc();
    long directBefore = PlatformDependent.usedDirectMemory();
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < idle; i++) {
        sockets.add(new Socket("127.0.0.1", server.port()));
      }
      // Half an HTTP/2 frame: the connection preface, then a SETTINGS frame header announcing 60
      // bytes of payload, of which only 6 are sent.
      Socket staller = new Socket("127.0.0.1", server.port());
      sockets.add(staller);
      OutputStream out = staller.getOutputStream();
      out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[] {0, 0, 60, 0x04, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0});
      out.flush();
      long t0 = System.nanoTime();
      setsAreAnswered(good, "with-idle-", 200);
      double msPerSet = (System.nanoTime() - t0) / 1e6 / 200;
      assertThat(msPerSet).as("ms per Set with %d idle connections open", idle).isLessThan(50);
      // Memory stays bounded: what the open connections hold (the server's channels and HTTP/2
      // state, in this JVM's heap and Netty's direct memory) is measured, and must stay under
      // MAX_BYTES_PER_IDLE_CONNECTION each (docs/server.md, "Limits").
      long heap = heapUsedAfterGc() - heapBefore;
      long direct = PlatformDependent.usedDirectMemory() - directBefore;
      System.out.printf(
          "ClientAbuseIT: %d idle connections + a stalled half frame: heap %+d KiB (%d B each),"
              + " Netty direct memory %+d KiB%n",
          idle, heap / 1024, heap / idle, direct / 1024);
      assertThat(heap)
          .as("heap held by %d idle connections", idle)
          .isLessThan(idle * MAX_BYTES_PER_IDLE_CONNECTION);
      assertThat(direct)
          .as("direct memory held by %d idle connections", idle)
          .isLessThan(idle * MAX_BYTES_PER_IDLE_CONNECTION);
      // A new client can still connect and log in.
      ManagedChannel other =
          NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        assertThat(
                ImmuServiceGrpc.newBlockingStub(other)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .login(login("immudb"))
                    .getToken())
            .isNotEmpty();
      } finally {
        other.shutdownNow();
      }
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  @Test
  void oversizedMetadataIsRefusedAndTheConnectionStaysUsable() {
    ImmuServiceBlockingStub good = loggedIn();
    Metadata big = new Metadata();
    big.put(Metadata.Key.of("x-padding", Metadata.ASCII_STRING_MARSHALLER), "p".repeat(16 * 1024));
    ImmuServiceBlockingStub padded =
        good.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(big))
            .withDeadlineAfter(10, TimeUnit.SECONDS);
    assertThatThrownBy(
            () ->
                padded.set(
                    SetRequest.newBuilder()
                        .addKVs(KeyValue.newBuilder().setKey(s("padded")).setValue(s("v")))
                        .build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e ->
                assertThat(e.getStatus().getCode())
                    .as(e.toString())
                    .isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.INTERNAL));
    assertStatus(
        () ->
            good.withDeadlineAfter(10, TimeUnit.SECONDS)
                .get(io.immudb.proto.KeyRequest.newBuilder().setKey(s("padded")).build()),
        Status.Code.NOT_FOUND,
        "key not found");
    setsAreAnswered(good, "after-padding-", 10);
  }
}
