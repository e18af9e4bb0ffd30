package io.immudb.core.kv;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.vectors.VectorFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredValuesTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void specVector13_6_references() {
    Sha256Hasher h = Sha256Hasher.create();
    for (JsonNode v : VectorFiles.load("spec/13.6-encodings.json").get("references")) {
      byte[] key = StoredKeys.plain(utf8(v.get("key").asText()));
      long atTx = v.get("atTx").asLong();
      byte[] value = StoredValues.reference(atTx, utf8(v.get("referencedKey").asText()));
      assertThat(key).isEqualTo(hex(v.get("storedKey")));
      assertThat(value).isEqualTo(hex(v.get("storedValue")));
      assertThat(StoredValues.isReference(value)).isTrue();
      assertThat(StoredValues.decodeReference(value))
          .isEqualTo(new StoredValues.ReferenceValue(atTx, utf8("hello")));
      if (v.has("hValue")) {
        assertThat(h.hash(value)).isEqualTo(digest(v.get("hValue")));
        assertThat(h.entryDigest(key, h.hash(value))).isEqualTo(digest(v.get("digest")));
      }
    }
  }

  @Test
  void specVector13_1_plainValue() {
    JsonNode v = VectorFiles.load("spec/13.1-entry-digest.json");
    byte[] stored = StoredValues.plain(utf8("world"));
    assertThat(stored).isEqualTo(hex(v.get("storedValue")));
    assertThat(StoredValues.isReference(stored)).isFalse();
    assertThat(StoredValues.userValue(stored)).isEqualTo(utf8("world"));
    assertThat(StoredValues.plain(new byte[0])).containsExactly(0);
  }

  @Test
  void malformedValuesAreRejected() {
    assertThatThrownBy(() -> StoredValues.userValue(new byte[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredValues.userValue(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredValues.decodeReference(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> StoredValues.decodeReference(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] wrongNamespace = StoredValues.reference(1, utf8("k"));
    wrongNamespace[9] = 2;
    assertThatThrownBy(() -> StoredValues.decodeReference(wrongNamespace))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] hugeAtTx = StoredValues.reference(1, utf8("k"));
    hugeAtTx[1] = (byte) 0x80;
    assertThatThrownBy(() -> StoredValues.decodeReference(hugeAtTx))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredValues.reference(-1, utf8("k")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(StoredValues.isReference(new byte[0])).isFalse();
  }

  @Test
  void referenceValueCopiesItsKey() {
    byte[] k = utf8("abc");
    StoredValues.ReferenceValue r = new StoredValues.ReferenceValue(3, k);
    k[0] = 'x';
    assertThat(r.referencedUserKey()).isEqualTo(utf8("abc"));
    r.referencedUserKey()[0] = 'y';
    assertThat(r.referencedUserKey()).isEqualTo(utf8("abc"));
    assertThat(r).hasSameHashCodeAs(new StoredValues.ReferenceValue(3, utf8("abc")));
    assertThat(
            StoredValues.decodeReference(StoredValues.reference(0, new byte[0]))
                .referencedUserKey())
        .isEmpty();
  }
}
