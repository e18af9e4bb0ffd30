package io.immudb.embedded.store;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.immudb.embedded.CorruptedDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * {@code store.meta} fed arbitrary bytes (issue 16, part 1): each input parses or ends in an {@link
 * IOException} or a {@link CorruptedDataException}. Half of the inputs get a matching checksum line
 * appended, so the fuzzer reaches the property parsing behind the checksum.
 */
class StoreMetaFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void storeMeta(byte[] data) {
    byte[] input = data;
    if (data.length > 0 && (data[0] & 1) == 1) {
      CRC32C c = new CRC32C();
      c.update(data);
      byte[] line =
          ("crc=" + Long.toHexString(c.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
      input = new byte[data.length + line.length];
      System.arraycopy(data, 0, input, 0, data.length);
      System.arraycopy(line, 0, input, data.length, line.length);
    }
    try {
      StoreMeta.parse(input, "store.meta");
    } catch (IOException | CorruptedDataException expected) {
      // a typed refusal
    }
  }
}
