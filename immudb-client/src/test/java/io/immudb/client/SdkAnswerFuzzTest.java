package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.immudb.client.internal.Chunks;
import io.immudb.client.internal.Verifier;
import io.immudb.client.internal.Verifier.Expected;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.proto.Chunk;
import io.immudb.proto.VerifiableEntry;
import io.immudb.proto.VerifiableSQLEntry;
import io.immudb.proto.VerifiableTx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's checks of a lying server's answers fed arbitrary bytes (issue 16, part 1): the answer
 * parts of {@code VerifiedOps} (verified get, verified SQL row, verified tx, verified write, each
 * through {@link Verifier}) and the chunk decoding of streamed answers. The input is {@code op ‖
 * u64(trustedTxId) ‖ trustedAlh(32) ‖ u64(askedTxId) ‖ answer}, the answer being the protobuf bytes
 * of the call's answer message (for the stream: chunk contents).
 *
 * <p>Property: each answer is accepted or refused with a {@link VerificationException} (for the
 * stream, an {@link ImmuClientException}); no runtime exception (index, null, arithmetic, illegal
 * argument from a decoder) reaches the caller. The requests are fixed: key {@code k} (value {@code
 * v} for the write), row {@code 1} of table {@code t}, the tx asked for by the input; the seed
 * corpus ({@code SdkAnswerFuzzTestInputs/answers/}) holds genuine answers to them.
 */
class SdkAnswerFuzzTest {
  static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
  static final byte[] VALUE = "v".getBytes(StandardCharsets.UTF_8);
  static final int PREFIX = 1 + 8 + Sha256Digest.LENGTH + 8;

  enum Op {
    GET,
    SQL_GET,
    TX_BY_ID,
    SET,
    STREAM
  }

  private static final Verifier VERIFIER = new Verifier(null);

  @FuzzTest(maxDuration = "3s")
  void answers(byte[] data) {
    if (data.length < PREFIX) {
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    Op op = Op.values()[(b.get() & 0xff) % Op.values().length];
    long txId = b.getLong() & Long.MAX_VALUE;
    ImmuState trusted = new ImmuState("defaultdb", txId, Sha256Digest.read(b));
    long asked = b.getLong() & Long.MAX_VALUE;
    byte[] answer = Arrays.copyOfRange(data, PREFIX, data.length);
    try {
      check(op, trusted, asked, answer);
    } catch (VerificationException | InvalidProtocolBufferException expected) {
      // refused, or not a message of the answer's type (gRPC refuses those before the SDK)
    } catch (ImmuClientException expected) {
      if (op != Op.STREAM) {
        throw expected;
      }
    }
  }

  private static final Path SEEDS =
      Path.of("src/test/resources/io/immudb/client/SdkAnswerFuzzTestInputs/answers");

  /**
   * The seeds are genuine answers, and the checks accept them all: the target starts from answers
   * that pass, so what it mutates reaches every check. {@code -Dimmudb.writeSeeds=true} writes them
   * again from a real server ({@link SdkAnswerSeeds}).
   */
  @Test
  void seedsAreGenuineAnswersThatVerify(@TempDir Path tmp) throws Exception {
    if (Boolean.getBoolean("immudb.writeSeeds")) {
      SdkAnswerSeeds.write(SEEDS, tmp.resolve("data"));
    }
    List<Path> seeds;
    try (var files = Files.list(SEEDS)) {
      seeds = files.sorted().toList();
    }
    assertThat(seeds).hasSize(6);
    for (Path seed : seeds) {
      byte[] data = Files.readAllBytes(seed);
      ByteBuffer b = ByteBuffer.wrap(data);
      Op op = Op.values()[b.get()];
      ImmuState trusted = new ImmuState("defaultdb", b.getLong(), Sha256Digest.read(b));
      long asked = b.getLong();
      check(op, trusted, asked, Arrays.copyOfRange(data, PREFIX, data.length)); // throws if refused
    }
  }

  /**
   * Found by the CI's fuzz run (December 2026): a tx entry with an empty key in a verified SQL
   * row's answer escaped as {@code IllegalArgumentException} from {@code TxEntry}; it is a
   * malformed proof now. Built from the genuine SQL seed with its entries' keys emptied.
   */
  @Test
  void aTxEntryWithAnEmptyKeyIsAMalformedProof() throws Exception {
    byte[] data = Files.readAllBytes(SEEDS.resolve("seed-sql"));
    ByteBuffer b = ByteBuffer.wrap(data);
    Op op = Op.values()[b.get()];
    assertThat(op).isEqualTo(Op.SQL_GET);
    ImmuState trusted = new ImmuState("defaultdb", b.getLong(), Sha256Digest.read(b));
    long asked = b.getLong();
    VerifiableSQLEntry genuine =
        VerifiableSQLEntry.parseFrom(Arrays.copyOfRange(data, PREFIX, data.length));
    VerifiableSQLEntry.Builder forged = genuine.toBuilder();
    io.immudb.proto.Tx.Builder tx = forged.getVerifiableTxBuilder().getTxBuilder();
    assertThat(tx.getEntriesCount()).isPositive();
    for (int i = 0; i < tx.getEntriesCount(); i++) {
      tx.getEntriesBuilder(i).setKey(ByteString.EMPTY);
    }
    assertThatThrownBy(() -> check(op, trusted, asked, forged.build().toByteArray()))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("malformed tx entry")
        .hasMessageContaining("a stored key is never empty");
  }

  static void check(Op op, ImmuState trusted, long asked, byte[] answer)
      throws VerificationException, InvalidProtocolBufferException {
    switch (op) {
      case GET ->
          VerifiedOps.checkEntry(VERIFIER, trusted, KEY, 0, VerifiableEntry.parseFrom(answer));
      case SQL_GET ->
          VerifiedOps.checkSqlRow(
              VERIFIER, trusted, "t", List.of(1L), 0, VerifiableSQLEntry.parseFrom(answer));
      case TX_BY_ID -> VERIFIER.verifyTx(trusted, asked, VerifiableTx.parseFrom(answer));
      case SET ->
          VERIFIER.verifyWrite(
              trusted,
              VerifiableTx.parseFrom(answer),
              List.of(new Expected(StoredKeys.plain(KEY), StoredValues.plain(VALUE))));
      case STREAM -> {
        List<Chunk> chunks = new ArrayList<>();
        for (int off = 0; off < answer.length; off += 7) {
          int n = Math.min(7, answer.length - off);
          chunks.add(Chunk.newBuilder().setContent(ByteString.copyFrom(answer, off, n)).build());
        }
        Chunks.decode(chunks.iterator());
      }
    }
  }
}
