package io.immudb.embedded.internal.txlog;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * The tx record decoder fed arbitrary bytes (issue 16, part 1): every input decodes or ends in a
 * {@link RecordException}; anything else (an uncaught runtime exception, an allocation the input
 * does not pay for) fails the test. The checksums are patched to match before decoding, so the
 * fuzzer reaches the field checks behind them instead of spending its time on CRC32C.
 *
 * <p>In {@code mvn test} the inputs under {@code TxRecordFuzzTestInputs/} (pinned crashes among
 * them) are replayed; the {@code fuzz} execution of this module's pom fuzzes for {@code
 * maxDuration}. Longer runs by hand: docs/design/fuzzing.md.
 */
class TxRecordFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void txRecord(byte[] data) {
    ByteBuffer b = ByteBuffer.wrap(data);
    if (data.length >= TxRecordCodec.HEADER_LENGTH + 4) {
      b.putInt(0, data.length);
      b.putLong(4, 1); // the tx id the decoder expects
      b.putLong(20, 0); // blTxId of tx 1 (TxHeader refuses others; core is not instrumented)
      b.putInt(
          TxRecordCodec.HEADER_LENGTH - 4,
          TxRecordCodec.crc(b, 0, TxRecordCodec.HEADER_LENGTH - 4));
      b.putInt(data.length - 4, TxRecordCodec.crc(b, 0, data.length - 4));
    }
    try {
      TxRecordCodec.decode(b, 1, 0);
    } catch (RecordException expected) {
      // a typed refusal
    }
  }
}
