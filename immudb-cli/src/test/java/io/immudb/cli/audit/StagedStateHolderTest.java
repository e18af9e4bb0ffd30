package io.immudb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.client.StateHolder;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.state.ImmuState;
import org.junit.jupiter.api.Test;

/** Staged states are seen by the SDK but become durable only on commit. */
class StagedStateHolderTest {
  private static final ImmuState S3 = new ImmuState("db", 3, Sha256Digest.fromHex("03".repeat(32)));
  private static final ImmuState S5 = new ImmuState("db", 5, Sha256Digest.fromHex("05".repeat(32)));

  @Test
  void stagedUntilCommitted() {
    StateHolder durable = StateHolder.inMemory();
    durable.set("srv", S3);
    StagedStateHolder h = new StagedStateHolder(durable);
    h.set("srv", S5);
    assertThat(h.get("srv", "db")).contains(S5);
    assertThat(h.durable("srv", "db")).contains(S3);
    assertThat(durable.get("srv", "db")).contains(S3);
    h.discard("srv", "db");
    assertThat(h.get("srv", "db")).contains(S3);
    h.set("srv", S5);
    h.commit("srv", S5);
    assertThat(durable.get("srv", "db")).contains(S5);
    assertThat(h.get("other", "db")).isEmpty();
  }
}
