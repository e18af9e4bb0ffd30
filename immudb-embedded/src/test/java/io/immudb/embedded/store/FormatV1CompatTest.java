package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.embedded.internal.index.IndexSnapshot;
import io.immudb.embedded.internal.txlog.TxRecord;
import io.immudb.embedded.internal.txlog.TxRecordCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by format 1 ({@code src/test/resources/formats/v1/}, see its README) opens with
 * this build, reads back every value, verifies, is upgraded to format 2 in place and then takes
 * inline values; a store of an unknown format version is refused.
 */
class FormatV1CompatTest {
  private static final int TXS = 40;
  private static final String ALH_40 =
      "5e4a7bbdc912b3145b130f83f09afff9bd813a47010461312f7be2ac44d7375b";

  @TempDir Path dir;

  /** Unpacks the fixture into {@code dir}: tests never touch the checked-in copy. */
  @BeforeEach
  void unpackFixture() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/formats/v1/v1-store.zip");
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("zip entry outside the target: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    }
  }

  /** Mirrors {@code MakeV1Store.lengths}: the value lengths of the entries of tx {@code id}. */
  private static int[] lengths(long id) {
    if (id % 10 == 0) {
      return new int[] {0, 1, 4096, 4097, 10_000};
    }
    if (id == 25) {
      return new int[] {100_000};
    }
    if (id % 3 == 0) {
      return new int[] {16, 300};
    }
    return new int[] {(int) (id * 13 % 200) + 1};
  }

  /** Mirrors {@code MakeV1Store.entries}: the entries of tx {@code id}. */
  private static List<KeyValue> entries(long id) {
    int[] lens = lengths(id);
    List<KeyValue> out = new ArrayList<>(lens.length);
    for (int j = 0; j < lens.length; j++) {
      byte[] key = ("key-" + (id % 7) + "-" + j).getBytes(StandardCharsets.UTF_8);
      byte[] value = new byte[lens[j]];
      for (int k = 0; k < value.length; k++) {
        value[k] = (byte) (id * 131 + j * 17 + k);
      }
      out.add(KeyValue.ofOwned(key, value));
    }
    return out;
  }

  private String metaText() throws IOException {
    return Files.readString(dir.resolve(StoreMeta.FILE));
  }

  /** Every value of txs 1..TXS reads back as written; returns the latest value of each key. */
  private static Map<String, byte[]> checkFixtureValues(ImmuStore s) {
    Map<String, byte[]> latest = new HashMap<>();
    for (long id = 1; id <= TXS; id++) {
      TxRecord rec = s.txRecord(id);
      List<KeyValue> want = entries(id);
      assertThat(rec.entries()).hasSize(want.size());
      for (int i = 0; i < want.size(); i++) {
        assertThat(rec.entries().get(i).key()).isEqualTo(want.get(i).key());
        assertThat(TxRecordCodec.isInline(rec.vOff(i)))
            .as("format 1 has no inline value")
            .isFalse();
        assertThat(s.readValue(rec, i)).as("tx %d entry %d", id, i).isEqualTo(want.get(i).value());
        latest.put(new String(want.get(i).key(), StandardCharsets.UTF_8), want.get(i).value());
      }
    }
    return latest;
  }

  @Test
  void aFormat1StoreOpensVerifiesIsUpgradedAndTakesInlineValues() throws IOException {
    assertThat(metaText()).contains("formatVersion=1\n");
    List<KeyValue> small = List.of(KeyValue.ofOwned("new-small".getBytes(), new byte[] {1, 2, 3}));
    List<KeyValue> mixed =
        List.of(
            KeyValue.ofOwned("new-a".getBytes(), new byte[4096]),
            KeyValue.ofOwned("new-b".getBytes(), new byte[4097]));
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(TXS);
      assertThat(s.alh(TXS)).isEqualTo(Sha256Digest.fromHex(ALH_40));
      assertThat(metaText()).as("upgraded on open").contains("formatVersion=2\n");
      assertThat(StoreMeta.read(dir).formatVersion()).isEqualTo(2);
      assertThat(dir.resolve(StoreMeta.FILE + ".tmp")).doesNotExist();

      Map<String, byte[]> latest = checkFixtureValues(s);
      // The fixture's own index (format-1 offsets) serves reads.
      s.awaitIndexed(TXS);
      try (IndexSnapshot snap = s.indexSnapshot()) {
        for (Map.Entry<String, byte[]> e : latest.entrySet()) {
          byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
          assertThat(s.readValue(snap.get(k).orElseThrow())).isEqualTo(e.getValue());
        }
      }
      VerificationReport report = s.verify();
      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(report.txsChecked()).isEqualTo(TXS);

      assertThat(s.commit(small).id()).isEqualTo(TXS + 1);
      assertThat(s.commit(mixed).id()).isEqualTo(TXS + 2);
      TxRecord rec41 = s.txRecord(TXS + 1);
      assertThat(TxRecordCodec.isInline(rec41.vOff(0))).isTrue();
      assertThat(rec41.valuesLen()).isZero();
      TxRecord rec42 = s.txRecord(TXS + 2);
      assertThat(TxRecordCodec.isInline(rec42.vOff(0))).isTrue();
      assertThat(TxRecordCodec.isInline(rec42.vOff(1))).isFalse();
      assertThat(s.verify().ok()).isTrue();
    }
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(TXS + 2);
      checkFixtureValues(s);
      assertThat(s.readValue(s.txRecord(TXS + 1), 0)).isEqualTo(small.get(0).value());
      assertThat(s.readValue(s.txRecord(TXS + 2), 0)).isEqualTo(mixed.get(0).value());
      assertThat(s.readValue(s.txRecord(TXS + 2), 1)).isEqualTo(mixed.get(1).value());
      s.awaitIndexed(TXS + 2);
      try (IndexSnapshot snap = s.indexSnapshot()) {
        assertThat(s.readValue(snap.get("new-small".getBytes()).orElseThrow()))
            .isEqualTo(small.get(0).value());
      }
      assertThat(s.verify().ok()).isTrue();
    }
    assertThat(metaText()).contains("formatVersion=2\n");
  }

  @Test
  void anUnknownFormatVersionIsRefusedWithHowToConvert() throws IOException {
    StoreMeta v1 = StoreMeta.read(dir);
    for (int version : new int[] {3, 0}) {
      new StoreMeta(version, v1.maxTxEntries(), v1.maxKeyLen(), v1.maxValueLen(), v1.segmentSize())
          .write(dir);
      String before = metaText();
      assertThatThrownBy(() -> ImmuStore.open(dir, StoreOptions.defaults()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("store.meta: unsupported store format version " + version + ";")
          .hasMessageContaining("this build reads format versions 1 to 2")
          .hasMessageContaining("`immuadmin backup` of the immudb version that wrote it")
          .hasMessageContaining("`immuadmin restore` of this one");
      assertThat(metaText()).as("left as it was").isEqualTo(before);
    }
    // The refused open released the directory: a good store.meta opens.
    v1.write(dir);
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(TXS);
    }
  }
}
