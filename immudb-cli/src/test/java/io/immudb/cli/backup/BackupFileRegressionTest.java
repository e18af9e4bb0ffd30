package io.immudb.cli.backup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** Findings of {@link BackupFileFuzzTest}, pinned (docs/design/fuzzing.md, findings table). */
class BackupFileRegressionTest {
  @Test
  void aDumpHeaderWithoutItsTxHashIsRefusedAsADamagedFile() {
    byte[] dump =
        "{\"format\":\"immudb-dump\",\"version\":1,\"database\":\"db\",\"txId\":1}\n"
            .getBytes(StandardCharsets.UTF_8);
    // Was: Gson's RuntimeException("Failed to invoke constructor ...") around the record's NPE.
    assertThatThrownBy(() -> new JsonDump.Reader(new ByteArrayInputStream(dump)))
        .isInstanceOf(BackupFileException.class)
        .hasMessageContaining("at byte 0");
  }

  @Test
  void aBackupHeaderWithoutItsTxHashIsRefusedAsADamagedFile() throws Exception {
    byte[] json =
        "{\"format\":\"immudb-backup\",\"version\":1,\"database\":\"db\",\"txId\":1}"
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buf);
    out.write(BinaryBackup.MAGIC);
    out.writeInt(json.length);
    out.write(json);
    CRC32C crc = new CRC32C();
    crc.update(json);
    out.writeInt((int) crc.getValue());
    byte[] file = buf.toByteArray();
    assertThatThrownBy(() -> new BinaryBackup.Reader(new ByteArrayInputStream(file), file.length))
        .isInstanceOf(BackupFileException.class)
        .hasMessageContaining("the header lacks a field");
  }
}
