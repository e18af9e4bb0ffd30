package io.immudb.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
  @TempDir Path tmp;

  @Test
  void createsTheDirectoryAndRefusesASecondServer() throws Exception {
    Path dir = tmp.resolve("data");
    try (DataDirectory d = DataDirectory.open(dir)) {
      assertThat(Files.isDirectory(dir)).isTrue();
      assertThat(Files.exists(dir.resolve("immudb.lock"))).isTrue();
      assertThatThrownBy(() -> DataDirectory.open(dir))
          .isInstanceOf(DataDirectoryInUseException.class)
          .hasMessageContaining(dir.toAbsolutePath().normalize().toString())
          .hasMessageContaining("in use by another immudb server");
    }
    try (DataDirectory again = DataDirectory.open(dir)) {
      assertThat(again.path()).isEqualTo(dir.toAbsolutePath().normalize());
    }
  }

  @Test
  void identityIsPersistedAcrossReopen() throws Exception {
    Path dir = tmp.resolve("data");
    String first;
    try (DataDirectory d = DataDirectory.open(dir)) {
      first = d.identifier();
    }
    assertThat(first).hasSize(20).matches("[0-9a-v]{20}");
    assertThat(Files.readAllBytes(dir.resolve("immudb.identifier"))).hasSize(12);
    assertThat(Files.exists(dir.resolve("immudb.identifier.tmp"))).isFalse();
    try (DataDirectory d = DataDirectory.open(dir)) {
      assertThat(d.identifier()).isEqualTo(first);
    }
    try (DataDirectory other = DataDirectory.open(tmp.resolve("other"))) {
      assertThat(other.identifier()).isNotEqualTo(first);
    }
  }

  @Test
  void closeIsIdempotent() throws Exception {
    DataDirectory d = DataDirectory.open(tmp);
    d.close();
    d.close();
  }

  @Test
  void base32hexEncoding() {
    assertThat(ServerIdentity.encode(new byte[12])).isEqualTo("00000000000000000000");
    byte[] ones = new byte[12];
    java.util.Arrays.fill(ones, (byte) 0xff);
    assertThat(ServerIdentity.encode(ones)).isEqualTo("vvvvvvvvvvvvvvvvvvvg");
    // xid's documented example: 9m4e2mr0ui3e8a215n4g is bytes 4d88e15b60f486e428412dc9.
    byte[] xid = java.util.HexFormat.of().parseHex("4d88e15b60f486e428412dc9");
    assertThat(ServerIdentity.encode(xid)).isEqualTo("9m4e2mr0ui3e8a215n4g");
  }

  @Test
  void generatedIdStartsWithTheTime() {
    byte[] id = ServerIdentity.generate(Instant.ofEpochSecond(0x01020304L), new SecureRandom());
    assertThat(id).startsWith(1, 2, 3, 4);
  }
}
