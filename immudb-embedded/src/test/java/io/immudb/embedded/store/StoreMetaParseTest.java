package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.embedded.CorruptedDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * {@code store.meta} contents that once escaped as untyped exceptions, pinned
 * (docs/design/fuzzing.md).
 */
class StoreMetaParseTest {
  private static byte[] withChecksum(String body) {
    CRC32C c = new CRC32C();
    c.update(body.getBytes(StandardCharsets.UTF_8));
    return (body + "crc=" + Long.toHexString(c.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aMalformedUnicodeEscapeIsCorruptedData() {
    assertThatThrownBy(() -> StoreMeta.parse(withChecksum("formatVersion=\\u00zz\n"), "m"))
        .isInstanceOf(CorruptedDataException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void invalidUtf8IsAnIoException() {
    assertThatThrownBy(() -> StoreMeta.parse(new byte[] {(byte) 0xff, 'c', 'r', 'c', '='}, "m"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aValidFileParses() throws IOException {
    StoreMeta m =
        StoreMeta.parse(
            withChecksum(
                "formatVersion=2\nmaxTxEntries=1024\nmaxKeyLen=1024\nmaxValueLen=4096\n"
                    + "segmentSize=1048576\n"),
            "m");
    assertThat(m).isNotNull();
  }
}
