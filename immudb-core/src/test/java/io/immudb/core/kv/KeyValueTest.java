package io.immudb.core.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.tx.TxHeader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyValueTest {
  @Test
  void ofTakesUtf8TextAndArraysAreCopied() {
    KeyValue kv = KeyValue.of("k", "v");
    kv.key()[0] = 'x';
    assertThat(kv).isEqualTo(new KeyValue("k".getBytes(UTF_8), "v".getBytes(UTF_8)));
    assertThat(kv.hashCode()).isEqualTo(KeyValue.of("k", "v").hashCode());
    assertThat(kv.toString()).contains("\"k\"", "1 value bytes");
  }

  @Test
  void thePlainEncodersOfAPairEqualThoseOfItsArrays() {
    KeyValue kv = KeyValue.of("k", "v");
    assertThat(StoredKeys.plain(kv)).isEqualTo(StoredKeys.plain(kv.key()));
    assertThat(StoredValues.plain(kv)).isEqualTo(StoredValues.plain(kv.value()));
    StoredKeys.plain(kv)[1] = 'x';
    assertThat(kv.key()).containsExactly('k');
  }

  @Test
  void storedPairsAreADifferentTypeFromUserPairs() {
    byte[] k = {0, 'k'};
    StoredKeyValue s = new StoredKeyValue(k, new byte[] {0, 'v'});
    k[1] = 'x';
    assertThat(s.key()).containsExactly(0, 'k');
    assertThat(s).isEqualTo(new StoredKeyValue(new byte[] {0, 'k'}, new byte[] {0, 'v'}));
    assertThat((Object) s).isNotEqualTo(new KeyValue(s.key(), s.value()));
  }

  @Test
  void anExportedTxKeepsACopyOfItsEntries() {
    TxHeader h = new TxHeader(1, Sha256Digest.EMPTY, 0, 1, Sha256Digest.ZERO, 0, Sha256Digest.ZERO);
    List<StoredKeyValue> entries = new ArrayList<>();
    entries.add(new StoredKeyValue(new byte[] {0, 'k'}, new byte[] {0}));
    ExportedTx tx = new ExportedTx(h, entries);
    entries.clear();
    assertThat(tx.entries()).hasSize(1);
    assertThat(tx.header()).isEqualTo(h);
  }
}
