package io.immudb.core.kv;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.vectors.VectorFiles;
import org.junit.jupiter.api.Test;

class SqlCatalogTest {
  @Test
  void firstTransactionEntryOfSection10() {
    JsonNode e =
        VectorFiles.load("spec/13.3-chain-4tx.json").get("txs").get(0).get("entries").get(0);
    assertThat(SqlCatalog.firstTxKey()).isEqualTo(hex(e.get("storedKey"))).hasSize(18);
    assertThat(SqlCatalog.firstTxValue()).isEqualTo(hex(e.get("storedValue"))).hasSize(10);
    assertThat(Sha256Hasher.create().hash(SqlCatalog.firstTxValue()))
        .isEqualTo(digest(e.get("hValue")));
    assertThat(SqlCatalog.firstTxKey()[0]).isEqualTo(StoredKeys.SQL_PREFIX);
  }

  @Test
  void accessorsReturnCopies() {
    SqlCatalog.firstTxKey()[0] = 9;
    SqlCatalog.firstTxValue()[0] = 9;
    assertThat(SqlCatalog.firstTxKey()[0]).isEqualTo((byte) 2);
    assertThat(SqlCatalog.firstTxValue()[0]).isEqualTo((byte) 'd');
  }
}
