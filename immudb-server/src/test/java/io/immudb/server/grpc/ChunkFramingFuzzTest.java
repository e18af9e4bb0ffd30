package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.immudb.embedded.database.Limits;
import io.immudb.proto.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The chunk framing of the client streams (spec v1 §12) fed arbitrary bytes (issue 16, part 1): the
 * request side of {@code streamSet}, {@code streamVerifiableSet} and {@code streamExecAll} ({@link
 * ChunkRequestObserver} over {@link ChunkReader} and the stream's parser), with small limits so the
 * fuzzer reaches them. The input is {@code kind ‖ chunkSize ‖ content}: the content is cut into
 * chunks of {@code chunkSize % 32 + 1} bytes and the stream half-closed.
 *
 * <p>Property: the stream ends in exactly one answer — the parsed request, or an error whose status
 * is INVALID_ARGUMENT (malformed framing, or a limit passed) — never INTERNAL/UNKNOWN (an exception
 * that escaped the parser's checks), and a message is never buffered beyond its limit.
 */
class ChunkFramingFuzzTest {
  private static final Limits LIMITS = new Limits(4, 16, 64);
  private static final int MAX_RECV_MSG_SIZE = 48;
  private static final long MAX_STREAM_BYTES = 400;

  /** Records how a call ended. */
  private static final class Answer implements StreamObserver<Message> {
    final List<Message> values = new ArrayList<>();
    Throwable error;
    int completions;

    @Override
    public void onNext(Message value) {
      values.add(value);
    }

    @Override
    public void onError(Throwable t) {
      assertThat(error).as("a second error").isNull();
      error = t;
    }

    @Override
    public void onCompleted() {
      completions++;
    }
  }

  @FuzzTest(maxDuration = "3s")
  void chunks(byte[] data) {
    if (data.length < 2) {
      return;
    }
    Answer out = new Answer();
    int kind = (data[0] & 0xff) % 3;
    StreamParser parser;
    Supplier<Message> call;
    if (kind == 2) {
      ExecAllStreamParser p = new ExecAllStreamParser(LIMITS, MAX_RECV_MSG_SIZE);
      parser = p;
      call = p::request;
    } else {
      KvStreamParser p = new KvStreamParser(LIMITS, MAX_RECV_MSG_SIZE, kind == 1);
      parser = p;
      call = p::request;
    }
    ChunkRequestObserver<Message> in =
        new ChunkRequestObserver<>(out, parser, call, MAX_STREAM_BYTES);
    int chunk = (data[1] & 0xff) % 32 + 1;
    for (int off = 2; off < data.length; off += chunk) {
      int n = Math.min(chunk, data.length - off);
      in.onNext(Chunk.newBuilder().setContent(ByteString.copyFrom(data, off, n)).build());
    }
    in.onCompleted();

    if (out.error == null) {
      assertThat(out.values).hasSize(1);
      assertThat(out.completions).isEqualTo(1);
    } else {
      Status s = Status.fromThrowable(out.error);
      assertThat(s.getCode()).as("%s", s).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(out.values).isEmpty();
      assertThat(out.completions).isZero();
    }
  }
}
