package io.immudb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.immudb.proto.ImmuServiceGrpc;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/immudb} (a child process, run from a scratch directory) configured by {@code
 * ./configs/immudb.toml}: it listens where the file says, warns about immudb keys it ignores, and
 * refuses a file with an unknown key with exit status 2. Needs the module packaged (the {@code
 * package} phase runs before this test).
 */
class ImmudbConfigIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @TempDir Path tmp;

  private ProcessBuilder immudb(String... args) {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/immudb").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("IMMUDB_NO_BUILD", "1"); // the module was just packaged by this build
    pb.environment().put("IMMUDB_JAVA_OPTS", "-Xmx256m");
    pb.environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("IMMUDB_")
                    && !k.equals("IMMUDB_NO_BUILD")
                    && !k.equals("IMMUDB_JAVA_OPTS"));
    pb.environment().put("IMMUDB_METRICS_SERVER_PORT", "0"); // never the fixed 9497
    pb.environment().put("IMMUDB_WEB_SERVER_PORT", "0"); // never the fixed 8080
    pb.redirectOutput(tmp.resolve("out.txt").toFile())
        .redirectError(tmp.resolve("err.txt").toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return pb;
  }

  private String out() throws Exception {
    return Files.readString(tmp.resolve("out.txt"));
  }

  private String err() throws Exception {
    return Files.readString(tmp.resolve("err.txt"));
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void theServerListensWhereItsConfigFileSays() throws Exception {
    int port = freePort();
    Path configs = Files.createDirectories(tmp.resolve("configs"));
    Files.writeString(
        configs.resolve("immudb.toml"),
        String.join(
            "\n",
            "address = \"127.0.0.1\"",
            "port = " + port,
            "dir = \"" + tmp.resolve("data") + "\"",
            "synced = false",
            "network = \"tcp\"",
            ""));
    Process p = immudb().start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!out().contains("listening on") && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(out()).as(err()).contains("listening on 127.0.0.1:" + port);
      assertThat(out()).contains("config file " + configs.resolve("immudb.toml").toRealPath());
      assertThat(err()).contains("key 'network': an immudb setting immudb does not use; ignored");
      assertThat(Files.isDirectory(tmp.resolve("data/defaultdb"))).isTrue();
      ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      try {
        assertThat(
                ImmuServiceGrpc.newBlockingStub(ch).health(Empty.getDefaultInstance()).getStatus())
            .isTrue();
      } finally {
        ch.shutdownNow();
      }
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void anUnknownKeyStopsTheServerWithStatus2() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.toml"), "port = 3322\nprot = 1\n");
    Process p = immudb("--config", bad.toString()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(err()).startsWith("immudb: config file " + bad + ", key 'prot': unknown key");
    assertThat(out()).isEmpty();
  }

  @Test
  void versionPrintsTheBuild() throws Exception {
    Process p = immudb("version").start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err()).isZero();
    assertThat(out()).startsWith("immudb ").contains("Commit   : ", "Built at : ", "Java     : ");
  }
}
