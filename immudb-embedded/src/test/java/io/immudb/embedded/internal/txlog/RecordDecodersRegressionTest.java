package io.immudb.embedded.internal.txlog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Inputs the fuzz targets found (docs/design/fuzzing.md), pinned as plain tests: each used to
 * escape as an untyped exception or an unbounded allocation and must now be a {@link
 * RecordException}. The raw crash inputs also stay in the targets' {@code Inputs} directories.
 */
class RecordDecodersRegressionTest {
  @Test
  void aCommitRecordShorterThan56BytesIsTruncated() {
    assertThatThrownBy(() -> CommitRecord.decode(ByteBuffer.allocate(0), 1))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> CommitRecord.decode(ByteBuffer.allocate(CommitRecord.LENGTH - 1), 1))
        .isInstanceOf(RecordException.class);
  }

  /**
   * A 148-byte tx record whose checksums match and whose header claims 2^31 − 1 entries: the
   * decoder allocated a list and an array of that many before reading the first (OutOfMemoryError,
   * found by TxRecordFuzzTest).
   */
  @Test
  void aTxRecordClaimingMoreEntriesThanItHasRoomForIsRefusedBeforeAllocating() {
    int len = TxRecordCodec.HEADER_LENGTH + 4;
    ByteBuffer b = ByteBuffer.allocate(len);
    b.putInt(0, len);
    b.putLong(4, 1); // tx id
    b.putLong(20, 0); // blTxId
    b.putInt(124, Integer.MAX_VALUE); // nEntries
    b.putInt(
        TxRecordCodec.HEADER_LENGTH - 4, TxRecordCodec.crc(b, 0, TxRecordCodec.HEADER_LENGTH - 4));
    b.putInt(len - 4, TxRecordCodec.crc(b, 0, len - 4));
    assertThatThrownBy(() -> TxRecordCodec.decode(b, 1, 0))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("claims 2147483647 entries");
  }
}
