package io.immudb.embedded.internal.appendable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentedAppendableTest {
  @TempDir Path dir;

  private static byte[] read(Appendable a, long off, int len) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(len);
    a.read(off, b);
    return b.array();
  }

  @Test
  void writesAndReadsSpanSegments() throws IOException {
    byte[] data = new byte[10_000];
    new Random(1).nextBytes(data);
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 4096)) {
      assertThat(a.append(ByteBuffer.wrap(data, 0, 3000))).isZero();
      assertThat(a.append(ByteBuffer.wrap(data, 3000, 7000))).isEqualTo(3000);
      assertThat(a.size()).isEqualTo(10_000);
      assertThat(read(a, 0, 10_000)).isEqualTo(data);
      assertThat(read(a, 4000, 200)).isEqualTo(Arrays.copyOfRange(data, 4000, 4200));
      assertThat(a.describe(8200)).endsWith("00000002.seg at offset 8");
      assertThatThrownBy(() -> read(a, 9_990, 20)).isInstanceOf(EOFException.class);
      a.sync();
    }
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 4096)) {
      assertThat(a.size()).isEqualTo(10_000);
      a.truncate(5000);
      assertThat(a.size()).isEqualTo(5000);
      assertThat(Files.exists(dir.resolve("00000002.seg"))).isFalse();
      assertThat(a.append(ByteBuffer.wrap(new byte[] {7}))).isEqualTo(5000);
      assertThat(read(a, 4999, 2)).containsExactly(data[4999], 7);
    }
  }

  @Test
  void readsInsideCompleteWindowsComeFromMappingsAndMatch() throws IOException {
    int n = (int) (2 * SegmentedAppendable.MAP_CHUNK + 1000);
    byte[] data = new byte[n];
    new Random(2).nextBytes(data);
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 64L << 20)) {
      a.append(ByteBuffer.wrap(data));
      Random r = new Random(3);
      for (int i = 0; i < 2000; i++) {
        int off = r.nextInt(n - 100);
        assertThat(read(a, off, 100)).isEqualTo(Arrays.copyOfRange(data, off, off + 100));
      }
      a.truncate(SegmentedAppendable.MAP_CHUNK + 10);
      byte[] more = {1, 2, 3};
      a.append(ByteBuffer.wrap(more));
      long off = SegmentedAppendable.MAP_CHUNK + 10;
      assertThat(read(a, off, 3)).containsExactly(1, 2, 3);
    }
  }

  @Test
  void mappedViewsShowTheBytesOfCompleteWindowsAndNothingElse() throws IOException {
    long chunk = SegmentedAppendable.MAP_CHUNK;
    int n = (int) (chunk + 1000);
    byte[] data = new byte[n];
    new Random(4).nextBytes(data);
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 64L << 20)) {
      a.append(ByteBuffer.wrap(data));
      ByteBuffer v = a.mappedView(12345, 5000);
      assertThat(v.position()).isZero();
      assertThat(v.remaining()).isEqualTo(5000);
      assertThat(v.isReadOnly()).isTrue();
      byte[] got = new byte[5000];
      v.get(got);
      assertThat(got).isEqualTo(Arrays.copyOfRange(data, 12345, 12345 + 5000));
      assertThat(a.mappedView(chunk - 10, 20)).as("across two windows").isNull();
      assertThat(a.mappedView(chunk + 10, 20)).as("in the unmapped newest bytes").isNull();
      assertThatThrownBy(() -> a.mappedView(n - 10, 20)).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void preallocatedZerosAreTrimmedOnCloseAndCutAfterACrash() throws IOException {
    Path seg0 = dir.resolve("00000000.seg");
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 1 << 20, 64 * 1024)) {
      a.append(ByteBuffer.wrap(new byte[] {1, 2, 3}));
      assertThat(Files.size(seg0)).isEqualTo(3 + 64 * 1024);
      assertThat(a.size()).isEqualTo(3);
      a.append(ByteBuffer.wrap(new byte[] {4}));
      assertThat(read(a, 0, 4)).containsExactly(1, 2, 3, 4);
    }
    assertThat(Files.size(seg0)).isEqualTo(4);
    // A crash leaves the zeros: they count until the owner cuts them.
    SegmentedAppendable crashed = SegmentedAppendable.open(dir, 1 << 20, 64 * 1024);
    crashed.append(ByteBuffer.wrap(new byte[] {5}));
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 1 << 20, 64 * 1024)) {
      assertThat(a.size()).isEqualTo(5 + 64 * 1024);
      a.truncate(5);
      assertThat(read(a, 0, 5)).containsExactly(1, 2, 3, 4, 5);
    } finally {
      crashed.close();
    }
  }

  @Test
  void preallocationStepsFollowTheWriteRateAndZerosStayInvisible() throws IOException {
    Path seg0 = dir.resolve("00000000.seg");
    long min = PreallocationPolicy.MIN_STEP;
    long cap = 1L << 20;
    AtomicLong nanos = new AtomicLong();
    PreallocationPolicy policy = new PreallocationPolicy(cap, nanos::get);
    Random r = new Random(4);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 64L << 20, policy)) {
      appendRandom(a, 3, r, written);
      assertThat(Files.size(seg0)).isEqualTo(3 + min);
      // Writes inside the room extend nothing.
      appendRandom(a, (int) min - 10, r, written);
      assertThat(Files.size(seg0)).isEqualTo(3 + min);
      assertZerosInvisible(a, written);

      // Each step used up within a second: the next one is twice as big, up to the cap.
      List<Long> rooms = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        nanos.addAndGet(1_000_000);
        long room = Files.size(seg0) - a.size();
        appendRandom(a, (int) room + 1, r, written);
        rooms.add(Files.size(seg0) - a.size());
      }
      assertThat(rooms).containsExactly(2 * min, 4 * min, cap, cap, cap);
      assertZerosInvisible(a, written);

      // A step that lasted a minute: back to the least one.
      nanos.addAndGet(60_000_000_000L);
      appendRandom(a, (int) (Files.size(seg0) - a.size()) + 1, r, written);
      assertThat(Files.size(seg0) - a.size()).isEqualTo(min);
      assertZerosInvisible(a, written);
    }
    assertThat(Files.size(seg0)).isEqualTo(written.size());
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 64L << 20)) {
      assertThat(read(a, 0, written.size())).isEqualTo(written.toByteArray());
    }
  }

  @Test
  void preallocationStopsAtTheSegmentEnd() throws IOException {
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 200_000, 32L << 20)) {
      a.append(ByteBuffer.wrap(new byte[100_000]));
      assertThat(Files.size(dir.resolve("00000000.seg"))).isEqualTo(200_000);
      a.append(ByteBuffer.wrap(new byte[150_000]));
      assertThat(Files.size(dir.resolve("00000000.seg"))).isEqualTo(200_000);
      assertThat(Files.size(dir.resolve("00000001.seg"))).isEqualTo(200_000);
      assertThat(a.size()).isEqualTo(250_000);
    }
    assertThat(Files.size(dir.resolve("00000001.seg"))).isEqualTo(50_000);
  }

  private static void appendRandom(Appendable a, int n, Random r, ByteArrayOutputStream sink)
      throws IOException {
    byte[] b = new byte[n];
    r.nextBytes(b);
    a.append(ByteBuffer.wrap(b));
    sink.write(b, 0, n);
  }

  /** Everything below the size reads back as written, and nothing can be read at or past it. */
  private static void assertZerosInvisible(Appendable a, ByteArrayOutputStream written)
      throws IOException {
    assertThat(a.size()).isEqualTo(written.size());
    assertThat(read(a, 0, written.size())).isEqualTo(written.toByteArray());
    assertThatThrownBy(() -> read(a, a.size(), 1)).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> read(a, a.size() - 1, 2)).isInstanceOf(EOFException.class);
  }

  @Test
  void aMissingMiddleSegmentIsRefused() throws IOException {
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 4096)) {
      a.append(ByteBuffer.wrap(new byte[3 * 4096]));
    }
    Files.delete(dir.resolve("00000001.seg"));
    assertThatThrownBy(() -> SegmentedAppendable.open(dir, 4096))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void aShortMiddleSegmentIsRefused() throws IOException {
    try (SegmentedAppendable a = SegmentedAppendable.open(dir, 4096)) {
      a.append(ByteBuffer.wrap(new byte[3 * 4096]));
    }
    try (var ch =
        java.nio.channels.FileChannel.open(
            dir.resolve("00000000.seg"), java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(100);
    }
    assertThatThrownBy(() -> SegmentedAppendable.open(dir, 4096))
        .hasMessageContaining("expected 4096");
  }

  @Test
  void closedLogRefusesWrites() throws IOException {
    SegmentedAppendable a = SegmentedAppendable.open(dir, 4096);
    a.close();
    a.close();
    assertThatThrownBy(() -> a.append(ByteBuffer.wrap(new byte[1])))
        .isInstanceOf(IOException.class);
  }
}
