package io.immudb.core.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredKeysTest {
  @Test
  void plainKeyRoundTrip() {
    byte[] user = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] stored = StoredKeys.plain(user);
    assertThat(stored).containsExactly(0, 'h', 'e', 'l', 'l', 'o');
    assertThat(StoredKeys.userKey(stored)).isEqualTo(user);
    user[0] = 'j';
    assertThat(stored[1]).isEqualTo((byte) 'h');
  }

  @Test
  void userKeyChecksThePrefix() {
    assertThatThrownBy(() -> StoredKeys.userKey(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredKeys.userKey(new byte[] {StoredKeys.ZSET_PREFIX, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(StoredKeys.userKey(new byte[] {0})).isEmpty();
  }

  @Test
  void namespaces() {
    assertThat(new byte[] {StoredKeys.PLAIN_PREFIX, StoredKeys.ZSET_PREFIX, StoredKeys.SQL_PREFIX})
        .containsExactly(0, 1, 2);
  }
}
