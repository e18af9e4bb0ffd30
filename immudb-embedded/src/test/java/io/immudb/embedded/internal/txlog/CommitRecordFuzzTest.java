package io.immudb.embedded.internal.txlog;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * The commit and value record decoders fed arbitrary bytes (issue 16, part 1): each input decodes
 * or ends in a {@link RecordException}. As in {@link TxRecordFuzzTest}, checksums are patched first
 * where the input is long enough to hold one.
 */
class CommitRecordFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void commitAndValueRecords(byte[] data) {
    ByteBuffer c = ByteBuffer.wrap(data.clone());
    if (data.length >= CommitRecord.LENGTH) {
      c.putLong(0, 1);
      c.putInt(CommitRecord.LENGTH - 4, TxRecordCodec.crc(c, 0, CommitRecord.LENGTH - 4));
    }
    try {
      CommitRecord.decode(c, 1);
    } catch (RecordException expected) {
      // a typed refusal
    }
    ByteBuffer v = ByteBuffer.wrap(data.clone());
    if (data.length >= ValueRecordCodec.PREFIX_LENGTH + 4) {
      v.putInt(0, data.length);
      v.putLong(4, 1);
      v.putInt(data.length - 4, TxRecordCodec.crc(v, 0, data.length - 4));
    }
    try {
      ValueRecordCodec.check(v, 1);
    } catch (RecordException expected) {
      // a typed refusal
    }
  }
}
