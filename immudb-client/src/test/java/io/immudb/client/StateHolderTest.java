package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.state.ImmuState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateHolderTest {
  @TempDir Path tmp;

  private static ImmuState state(String db, long tx) {
    byte[] h = new byte[32];
    h[0] = (byte) tx;
    return new ImmuState(db, tx, Sha256Digest.of(h));
  }

  @Test
  void filesKeepOneStatePerServerAndDatabase() {
    StateHolder h = StateHolder.inDirectory(tmp.resolve("s"));
    assertThat(h.get("srv1", "defaultdb")).isEmpty();
    h.set("srv1", state("defaultdb", 3));
    h.set("srv1", state("other", 5));
    h.set("srv2", state("defaultdb", 7));
    h.set("srv1", state("defaultdb", 4));
    StateHolder reopened = StateHolder.inDirectory(tmp.resolve("s"));
    assertThat(reopened.get("srv1", "defaultdb")).contains(state("defaultdb", 4));
    assertThat(reopened.get("srv1", "other")).contains(state("other", 5));
    assertThat(reopened.get("srv2", "defaultdb")).contains(state("defaultdb", 7));
    assertThat(tmp.resolve("s/srv1")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void aDamagedFileIsAnErrorNotAFreshStart() throws Exception {
    StateHolder h = StateHolder.inDirectory(tmp);
    h.set("srv", state("db", 3));
    Path f = tmp.resolve("srv/db.state");
    Files.writeString(f, "db=db\ntxId=3\ntxHash=abc\n");
    assertThatThrownBy(() -> h.get("srv", "db")).hasMessageContaining("corrupt");
    Files.writeString(f, "db=other\ntxId=3\ntxHash=" + "00".repeat(32) + "\n");
    assertThatThrownBy(() -> h.get("srv", "db")).hasMessageContaining("corrupt");
    Files.writeString(f, "");
    assertThatThrownBy(() -> h.get("srv", "db")).hasMessageContaining("corrupt");
  }

  @Test
  void namesThatCouldEscapeTheDirectoryAreRefused() {
    StateHolder h = StateHolder.inDirectory(tmp);
    assertThatThrownBy(() -> h.get("../x", "db")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> h.get("srv", "..")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> h.set("a/b", state("db", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inMemoryStatesAreKeptPerServerAndDatabase() {
    StateHolder h = StateHolder.inMemory();
    h.set("a", state("db", 1));
    assertThat(h.get("a", "db")).contains(state("db", 1));
    assertThat(h.get("b", "db")).isEmpty();
  }
}
