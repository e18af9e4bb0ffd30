package io.immudb.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrpcMetricsTest {
  @TempDir Path tmp;

  @Test
  void codesAreSpelledAsGoSpellsThem() {
    assertThat(GrpcMetrics.goCodeName(Status.Code.OK)).isEqualTo("OK");
    assertThat(GrpcMetrics.goCodeName(Status.Code.CANCELLED)).isEqualTo("Canceled");
    assertThat(GrpcMetrics.goCodeName(Status.Code.NOT_FOUND)).isEqualTo("NotFound");
    assertThat(GrpcMetrics.goCodeName(Status.Code.INVALID_ARGUMENT)).isEqualTo("InvalidArgument");
    assertThat(GrpcMetrics.goCodeName(Status.Code.DEADLINE_EXCEEDED)).isEqualTo("DeadlineExceeded");
    assertThat(GrpcMetrics.goCodeName(Status.Code.UNAUTHENTICATED)).isEqualTo("Unauthenticated");
    assertThat(GrpcMetrics.goCodeName(Status.Code.DATA_LOSS)).isEqualTo("DataLoss");
    assertThat(GrpcMetrics.goCodeName(Status.Code.UNKNOWN)).isEqualTo("Unknown");
  }

  @Test
  void theClientIsItsIpAddressWithoutThePort() throws Exception {
    assertThat(
            GrpcMetrics.clientIp(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 51234)))
        .isEqualTo("127.0.0.1");
    assertThat(GrpcMetrics.clientIp(new InetSocketAddress(InetAddress.getByName("::1"), 1)))
        .isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(GrpcMetrics.clientIp(null)).isEqualTo("unknown");
  }

  @Test
  void sizeOnDiskAddsTheRegularFilesOfTheTree() throws Exception {
    Files.write(tmp.resolve("a"), new byte[100]);
    Files.createDirectories(tmp.resolve("sub/deeper"));
    Files.write(tmp.resolve("sub/deeper/b"), new byte[23]);
    assertThat(DatabaseGauges.sizeOnDisk(tmp)).isEqualTo(123);
    assertThat(DatabaseGauges.sizeOnDisk(tmp.resolve("missing"))).isZero();
  }
}
