package io.immudb.core.kv;

import static io.immudb.core.vectors.VectorFiles.digest;
import static io.immudb.core.vectors.VectorFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.vectors.VectorFiles;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ZAddKeyCodecTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void specVector13_6_sortedSetKeys() {
    Sha256Hasher h = Sha256Hasher.create();
    for (JsonNode v : VectorFiles.load("spec/13.6-encodings.json").get("zadds")) {
      byte[] set = utf8(v.get("set").asText());
      double score = v.get("score").asDouble();
      byte[] key = utf8(v.get("key").asText());
      long atTx = v.get("atTx").asLong();
      byte[] stored = ZAddKeyCodec.encode(set, score, key, atTx);
      assertThat(stored).isEqualTo(hex(v.get("storedKey")));
      assertThat(stored).hasSize(34 + set.length + key.length);
      assertThat(ZAddKeyCodec.decode(stored))
          .isEqualTo(new ZAddKeyCodec.ZKey(set, score, key, atTx));
      assertThat(Arrays.copyOf(stored, 13)).isEqualTo(ZAddKeyCodec.setPrefix(set));
      assertThat(Arrays.copyOf(stored, 21)).isEqualTo(ZAddKeyCodec.setPrefixWithScore(set, score));
      if (v.has("digest")) {
        Sha256Digest hValue = h.hash(new byte[0]);
        assertThat(hValue).isEqualTo(digest(v.get("hValue")));
        assertThat(h.entryDigest(stored, hValue)).isEqualTo(digest(v.get("digest")));
      }
    }
  }

  @Property(tries = 200, seed = "13")
  boolean roundTrips(
      @ForAll @Size(max = 20) byte[] set,
      @ForAll double score,
      @ForAll @Size(max = 20) byte[] key,
      @ForAll @LongRange(min = 0) long atTx) {
    return ZAddKeyCodec.decode(ZAddKeyCodec.encode(set, score, key, atTx))
        .equals(new ZAddKeyCodec.ZKey(set, score, key, atTx));
  }

  @Test
  void malformedKeysAreRejected() {
    byte[] good = ZAddKeyCodec.encode(utf8("s"), 1.0, utf8("k"), 0);
    assertThatThrownBy(() -> ZAddKeyCodec.decode(Arrays.copyOf(good, good.length - 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ZAddKeyCodec.decode(Arrays.copyOf(good, good.length + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] badPrefix = good.clone();
    badPrefix[0] = 0;
    assertThatThrownBy(() -> ZAddKeyCodec.decode(badPrefix))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] hugeSet = good.clone();
    hugeSet[1] = (byte) 0x80;
    assertThatThrownBy(() -> ZAddKeyCodec.decode(hugeSet))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] longSet = good.clone();
    longSet[8] = 100;
    assertThatThrownBy(() -> ZAddKeyCodec.decode(longSet))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] memberNotPlain = good.clone();
    memberNotPlain[26] = 1;
    assertThatThrownBy(() -> ZAddKeyCodec.decode(memberNotPlain))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ZAddKeyCodec.encode(utf8("s"), 1.0, utf8("k"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negativeScoresSortAfterPositiveOnesInByteOrder() {
    byte[] pos = ZAddKeyCodec.setPrefixWithScore(utf8("s"), 1.0);
    byte[] neg = ZAddKeyCodec.setPrefixWithScore(utf8("s"), -1.0);
    assertThat(Arrays.compareUnsigned(neg, pos)).isPositive();
  }
}
