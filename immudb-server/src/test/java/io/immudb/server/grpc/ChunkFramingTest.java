package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.proto.Chunk;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ChunkWriter} and {@link ChunkReader}: the message framing of spec v1 §12. */
class ChunkFramingTest {
  private static final MessageLimit LIMIT = new MessageLimit("value", 1000, "maxValueLen");

  /** Collects what a writer sends. */
  private static final class Collector implements StreamObserver<Chunk> {
    final List<ByteString> chunks = new ArrayList<>();

    @Override
    public void onNext(Chunk c) {
      chunks.add(c.getContent());
    }

    @Override
    public void onError(Throwable t) {
      throw new AssertionError(t);
    }

    @Override
    public void onCompleted() {}
  }

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  private static byte[] framed(byte[]... messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] m : messages) {
      out.writeBytes(ByteBuffer.allocate(8).putLong(m.length).array());
      out.writeBytes(m);
    }
    return out.toByteArray();
  }

  private static List<byte[]> read(List<ByteString> chunks, MessageLimit limit, long maxTotal) {
    List<byte[]> got = new ArrayList<>();
    ChunkReader r = new ChunkReader(() -> limit, got::add, maxTotal);
    chunks.forEach(r::accept);
    r.finish();
    return got;
  }

  private static void assertInvalid(Runnable r, String text) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            ImmuException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining(text);
  }

  @Test
  void writerStartsAChunkPerMessageAndCutsLargeOnes() {
    Collector c = new Collector();
    ChunkWriter w = new ChunkWriter(c, 16);
    byte[] big = bytes(40, 1);
    w.send(new byte[] {7});
    w.send(big);

    // 1-byte message: one chunk; 40 bytes: 8 + 8 payload, then 16, 16.
    assertThat(c.chunks).extracting(ByteString::size).containsExactly(9, 16, 16, 16);
    assertThat(c.chunks).allSatisfy(ch -> assertThat(ch.size()).isLessThanOrEqualTo(16));
    assertThat(read(c.chunks, LIMIT, 1 << 20)).containsExactly(new byte[] {7}, big);
  }

  @Test
  void defaultChunkSizeIs64KiB() {
    Collector c = new Collector();
    byte[] big = bytes(200 * 1024, 3);
    new ChunkWriter(c).send(big);

    assertThat(ChunkWriter.CHUNK_SIZE).isEqualTo(64 * 1024);
    assertThat(c.chunks).hasSize(4);
    assertThat(c.chunks).allSatisfy(ch -> assertThat(ch.size()).isLessThanOrEqualTo(65536));
    assertThat(read(c.chunks, new MessageLimit("value", 1 << 20, "x"), 1 << 20))
        .containsExactly(big);
  }

  @Test
  void writerRefusesAnEmptyMessage() {
    assertThatThrownBy(() -> new ChunkWriter(new Collector()).send(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readerReassemblesAtEveryChunkBoundary() {
    byte[] a = bytes(13, 5);
    byte[] b = bytes(1, 9);
    byte[] all = framed(a, b);
    for (int i = 0; i <= all.length; i++) {
      for (int j = i; j <= all.length; j++) {
        List<ByteString> chunks =
            List.of(
                ByteString.copyFrom(all, 0, i),
                ByteString.copyFrom(all, i, j - i),
                ByteString.copyFrom(all, j, all.length - j));
        assertThat(read(chunks, LIMIT, 1 << 20)).as("cut at %d and %d", i, j).containsExactly(a, b);
      }
    }
  }

  @Test
  void readerTakesOneByteChunks() {
    byte[] a = bytes(300, 2);
    List<ByteString> chunks = new ArrayList<>();
    for (byte x : framed(a, a)) {
      chunks.add(ByteString.copyFrom(new byte[] {x}));
    }
    assertThat(read(chunks, LIMIT, 1 << 20)).containsExactly(a, a);
  }

  @Test
  void readerRefusesAZeroLengthMessage() {
    List<ByteString> chunks = List.of(ByteString.copyFrom(framed(new byte[0])));
    assertInvalid(() -> read(chunks, LIMIT, 1 << 20), "empty value");
  }

  @Test
  void readerRefusesAMessageBeyondItsLimitBeforeBufferingIt() {
    List<byte[]> got = new ArrayList<>();
    ChunkReader r = new ChunkReader(() -> LIMIT, got::add, 1 << 20);
    // Only the length prefix arrives: the refusal must not wait for the payload.
    ByteString prefix = ByteString.copyFrom(ByteBuffer.allocate(8).putLong(1001).array());
    assertInvalid(
        () -> r.accept(prefix), "streamed value of 1001 bytes exceeds maxValueLen (1000 bytes)");
    assertThat(got).isEmpty();
  }

  @Test
  void readerRefusesAHugeOrNegativeLength() {
    ChunkReader r = new ChunkReader(() -> LIMIT, m -> {}, 1 << 20);
    ByteString prefix = ByteString.copyFrom(ByteBuffer.allocate(8).putLong(-1).array());
    assertInvalid(() -> r.accept(prefix), "18446744073709551615 bytes exceeds maxValueLen");
  }

  @Test
  void readerRefusesAStreamBeyondItsTotal() {
    List<ByteString> chunks = List.of(ByteString.copyFrom(framed(bytes(600, 1), bytes(600, 2))));
    assertInvalid(() -> read(chunks, LIMIT, 1000), "more than 1000 bytes");
  }

  @Test
  void maxRecvMsgSizeLowersALimit() {
    MessageLimit l = MessageLimit.of("value", 1000, "maxValueLen", 10);
    assertThat(l).isEqualTo(new MessageLimit("value", 10, "--max-recv-msg-size"));
    assertThat(MessageLimit.of("value", 1000, "maxValueLen", 5000).limitName())
        .isEqualTo("maxValueLen");
  }

  @Test
  void readerRefusesAStreamEndingInsideAMessage() {
    byte[] all = framed(bytes(20, 1));
    assertInvalid(
        () -> read(List.of(ByteString.copyFrom(all, 0, all.length - 1)), LIMIT, 1 << 20),
        "ended inside message 1 (19 of its 20 bytes)");
    assertInvalid(
        () -> read(List.of(ByteString.copyFrom(all, 0, 3)), LIMIT, 1 << 20),
        "ended inside message 1 (3 of its 8 length bytes)");
  }

  @Test
  void emptyChunksAreHarmless() {
    byte[] a = bytes(5, 1);
    List<ByteString> chunks =
        List.of(ByteString.EMPTY, ByteString.copyFrom(framed(a)), ByteString.EMPTY);
    assertThat(read(chunks, LIMIT, 1 << 20)).containsExactly(a);
  }
}
