package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.StoreStateException;
import io.immudb.embedded.TxNotFoundException;
import io.immudb.embedded.internal.ahtree.FileAhTree;
import io.immudb.embedded.internal.txlog.CommitRecord;
import io.immudb.embedded.internal.txlog.TxRecord;
import io.immudb.embedded.internal.txlog.TxRecordCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImmuStore#verifyTx}: a clean store passes, and damage on disk to a tx that the reopened
 * store has never cached is found with its file and offset and turns the store read-only — for
 * values inline in the tx log and values in the value log alike. A header forged with valid
 * checksums is found by the chain checks, by {@link ImmuStore#verify} too.
 */
class VerifyTxTest {
  private static final int TXS = 40;

  /** Entry 2 of every tx: longer than the default inline limit, so it is in the value log. */
  private static final int BIG = 5000;

  private static final long SEGMENT_SIZE = 1 << 20;

  @TempDir Path dir;

  private static StoreOptions options() {
    return StoreOptions.builder().synced(false).segmentSize(SEGMENT_SIZE).build();
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] big(int t) {
    byte[] v = new byte[BIG];
    Arrays.fill(v, (byte) t);
    return v;
  }

  @BeforeEach
  void fill() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      for (int t = 1; t <= TXS; t++) {
        s.commit(
            List.of(
                new KeyValue(b("k" + t), b("value-" + t)),
                new KeyValue(b("x" + t), b("")),
                new KeyValue(b("big" + t), big(t))));
      }
      s.awaitIndexed(s.lastTxId());
    }
  }

  @Test
  void aCleanStorePassesEveryTx() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      for (long id = 1; id <= TXS; id++) {
        assertThat(s.verifyTx(id)).as("bytes read for tx %d", id).isPositive();
        assertThat(s.verifyTxInSequence(id)).isPositive();
      }
      assertThat(s.isReadOnly()).isFalse();
      assertThatThrownBy(() -> s.verifyTx(TXS + 1)).isInstanceOf(TxNotFoundException.class);
      assertThatThrownBy(() -> s.verifyTx(0)).isInstanceOf(TxNotFoundException.class);
      assertThatThrownBy(() -> s.verifyTxInSequence(TXS + 1))
          .isInstanceOf(TxNotFoundException.class);
    }
  }

  @Test
  void smallValuesAreInlineAndLargeOnesInTheValueLog() throws IOException {
    TxRecord rec = locate(7);
    assertThat(TxRecordCodec.isInline(rec.vOff(0))).isTrue();
    assertThat(TxRecordCodec.isInline(rec.vOff(1))).as("the empty value").isTrue();
    assertThat(TxRecordCodec.isInline(rec.vOff(2))).isFalse();
    assertThat(rec.valuesLen()).as("a value record of the big value only").isEqualTo(BIG + 16);
  }

  @Test
  void aFlippedValueByteIsFoundAndTheStoreTurnsReadOnly() throws IOException {
    long valuesOff = locate(7).valuesOff();
    flip(dir.resolve("val/00000000.seg"), locate(7).vOff(2) + 2);
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      assertThat(s.verifyTx(6)).isPositive();
      assertThatThrownBy(() -> s.verifyTx(7))
          .isInstanceOfSatisfying(
              CorruptedDataException.class,
              e ->
                  assertThat(e.location())
                      .as("the value record's checksum fails first")
                      .endsWith("val/00000000.seg at offset " + valuesOff));
      assertReadOnlyButReadable(s);
    }
  }

  @Test
  void aRewrittenValueWithAValidChecksumFailsItsHash() throws IOException {
    TxRecord rec = locate(9);
    Path val = dir.resolve("val/00000000.seg");
    flip(val, rec.vOff(2));
    fixCrc(val, rec.valuesOff(), rec.valuesLen());
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      assertThatThrownBy(() -> s.verifyTx(9))
          .isInstanceOfSatisfying(
              CorruptedDataException.class,
              e -> {
                assertThat(e.location()).endsWith("val/00000000.seg at offset " + rec.vOff(2));
                assertThat(e.what()).isEqualTo("value of entry 2 does not match its hash");
              });
      assertReadOnlyButReadable(s);
    }
  }

  @Test
  void aFlippedInlineValueByteIsFoundByTheTxRecordChecksum() throws IOException {
    long txOff = txOffset(8);
    long valueOff = TxRecordCodec.logOffset(locate(8).vOff(0));
    assertThat(valueOff).isGreaterThan(txOff);
    flip(dir.resolve("tx/00000000.seg"), valueOff + 3);
    String where = "tx/00000000.seg at offset " + txOff;
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      VerificationReport.Problem p = s.verify().problem().orElseThrow();
      assertThat(p.txId()).isEqualTo(8);
      assertThat(p.location()).endsWith(where);
      assertThat(p.what()).isEqualTo("tx record checksum mismatch");
    }
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      assertThat(s.verifyTx(7)).isPositive();
      assertThatThrownBy(() -> s.verifyTx(8))
          .isInstanceOfSatisfying(
              CorruptedDataException.class, e -> assertThat(e.location()).endsWith(where));
      assertReadOnlyButReadable(s);
    }
  }

  @Test
  void aRewrittenInlineValueWithAValidChecksumFailsItsHash() throws IOException {
    long txOff = txOffset(11);
    TxRecord rec = locate(11);
    long valueOff = TxRecordCodec.logOffset(rec.vOff(0));
    Path tx = dir.resolve("tx/00000000.seg");
    flip(tx, valueOff);
    fixCrc(tx, txOff, txLength(11));
    String where = "tx/00000000.seg at offset " + valueOff;
    String what = "value of entry 0 does not match its hash";
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      VerificationReport.Problem p = s.verify().problem().orElseThrow();
      assertThat(p.txId()).isEqualTo(11);
      assertThat(p.location()).endsWith(where);
      assertThat(p.what()).isEqualTo(what);
    }
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      assertThatThrownBy(() -> s.verifyTxInSequence(11))
          .isInstanceOfSatisfying(
              CorruptedDataException.class,
              e -> {
                assertThat(e.location()).endsWith(where);
                assertThat(e.what()).isEqualTo(what);
              });
      assertReadOnlyButReadable(s);
    }
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      TxRecord reread = s.txRecord(11);
      assertThatThrownBy(() -> s.readValue(reread, 0))
          .isInstanceOfSatisfying(
              CorruptedDataException.class, e -> assertThat(e.location()).endsWith(where));
      assertThat(s.isReadOnly()).isTrue();
    }
  }

  @Test
  void aFlippedTxRecordByteIsFound() throws IOException {
    long txOff = txOffset(12);
    flip(dir.resolve("tx/00000000.seg"), txOff + 40);
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      assertThatThrownBy(() -> s.verifyTx(12))
          .isInstanceOfSatisfying(
              CorruptedDataException.class,
              e -> assertThat(e.location()).endsWith("tx/00000000.seg at offset " + txOff));
      assertReadOnlyButReadable(s);
    }
  }

  @Test
  void aRewrittenHashTreeLeafIsFound() throws IOException {
    long off = rewriteTreeNode(FileAhTree.nodeCount(20 - 1));
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      assertThat(s.verifyTx(3)).isPositive();
      assertThatThrownBy(() -> s.verifyTx(20))
          .isInstanceOfSatisfying(
              CorruptedDataException.class,
              e -> assertThat(e.location()).contains("aht/00000000.seg at offset " + off));
      assertThat(s.isReadOnly()).isTrue();
    }
  }

  @Test
  void aRewrittenInnerTreeNodeIsFoundInSequence() throws IOException {
    // Node (1, 5) covers leaves 11 and 12 and is completed by tx 12.
    long off = rewriteTreeNode(FileAhTree.nodeCount(12 - 1) + 1);
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      for (long id = 1; id < 12; id++) {
        s.verifyTxInSequence(id);
      }
      assertThatThrownBy(() -> s.verifyTxInSequence(12))
          .isInstanceOfSatisfying(
              CorruptedDataException.class,
              e -> {
                assertThat(e.location()).contains("aht/00000000.seg at offset " + off);
                assertThat(e.what()).isEqualTo("stored hash tree node differs from its children");
              });
      assertThat(s.isReadOnly()).isTrue();
    }
  }

  @Test
  void aForgedPrevAlhWithValidChecksumsIsFoundAtItsTxRecord() throws IOException {
    long txOff = forgeHeader(15, h -> withLinks(h, flip(h.prevAlh()), h.blRoot()));
    String what = "is not the Alh of tx 14";
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      VerificationReport.Problem p = s.verify().problem().orElseThrow();
      assertThat(p.txId()).isEqualTo(15);
      assertThat(p.location()).endsWith("tx/00000000.seg at offset " + txOff);
      assertThat(p.what()).startsWith("tx 15: prevAlh ").endsWith(what);
    }
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      assertThatThrownBy(() -> s.verifyTxInSequence(15))
          .isInstanceOfSatisfying(
              CorruptedDataException.class,
              e -> {
                assertThat(e.location()).endsWith("tx/00000000.seg at offset " + txOff);
                assertThat(e.what()).endsWith(what);
              });
      assertReadOnlyButReadable(s);
    }
  }

  @Test
  void aForgedBlRootWithValidChecksumsIsFoundAtItsTxRecord() throws IOException {
    long txOff = forgeHeader(15, h -> withLinks(h, h.prevAlh(), flip(h.blRoot())));
    String what = "tx 15: blRoot is not the root of the hash tree of txs 1..14";
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      VerificationReport.Problem p = s.verify().problem().orElseThrow();
      assertThat(p.location()).endsWith("tx/00000000.seg at offset " + txOff);
      assertThat(p.what()).isEqualTo(what);
    }
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      assertThatThrownBy(() -> s.verifyTx(15))
          .isInstanceOfSatisfying(
              CorruptedDataException.class, e -> assertThat(e.what()).isEqualTo(what));
      assertReadOnlyButReadable(s);
    }
  }

  private static TxHeader withLinks(TxHeader h, Sha256Digest prevAlh, Sha256Digest blRoot) {
    return new TxHeader(h.id(), prevAlh, h.ts(), h.nEntries(), h.eh(), h.blTxId(), blRoot);
  }

  private static Sha256Digest flip(Sha256Digest d) {
    byte[] b = d.toByteArray();
    b[31] ^= 1;
    return Sha256Digest.of(b);
  }

  /**
   * Rewrites tx {@code id}'s record with a changed header and its commit record with the changed
   * Alh, all checksums valid, as a deliberate tamperer would; returns the tx record's offset.
   */
  private long forgeHeader(long id, UnaryOperator<TxHeader> change) throws IOException {
    TxRecord rec;
    int n;
    byte[][] inline;
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      rec = s.txRecord(id);
      n = rec.entries().size();
      inline = new byte[n][];
      for (int i = 0; i < n; i++) {
        inline[i] = TxRecordCodec.isInline(rec.vOff(i)) ? s.readValue(rec, i) : null;
      }
    }
    long txOff = txOffset(id);
    TxHeader forged = change.apply(rec.header());
    byte[][] keys = new byte[n][];
    int[] vLens = new int[n];
    Sha256Digest[] hValues = new Sha256Digest[n];
    long inlineBytes = 0;
    for (int i = 0; i < n; i++) {
      keys[i] = rec.entries().get(i).key();
      vLens[i] = rec.entries().get(i).vLen();
      hValues[i] = rec.entries().get(i).hValue();
      inlineBytes += inline[i] == null ? 0 : inline[i].length;
    }
    long keyBytes = Arrays.stream(keys).mapToLong(k -> k.length).sum();
    int len = TxRecordCodec.encodedLength(n, keyBytes, inlineBytes);
    assertThat(len).as("the forged record has the original length").isEqualTo(txLength(id));
    ByteBuffer tx = ByteBuffer.allocate(len);
    TxRecordCodec.encode(
        tx,
        txOff,
        forged,
        rec.valuesOff(),
        rec.valuesLen(),
        keys,
        vLens,
        rec.vOffs(),
        hValues,
        inline);
    write(dir.resolve("tx/00000000.seg"), txOff, tx.flip());
    ByteBuffer commit = ByteBuffer.allocate(CommitRecord.LENGTH);
    new CommitRecord(id, txOff, len, forged.alh()).encode(commit);
    write(dir.resolve("commit/00000000.seg"), CommitRecord.offsetOf(id), commit.flip());
    return txOff;
  }

  /** Overwrites node record {@code ordinal} with zeros and a valid checksum; returns its offset. */
  private long rewriteTreeNode(long ordinal) throws IOException {
    long off = ordinal * FileAhTree.RECORD_LENGTH;
    ByteBuffer node = ByteBuffer.allocate(FileAhTree.RECORD_LENGTH);
    Sha256Digest.of(new byte[32]).writeTo(node);
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(8).putLong(0, ordinal));
    crc.update(node.array(), 0, Sha256Digest.LENGTH);
    node.putInt((int) crc.getValue()).flip();
    write(dir.resolve("aht/00000000.seg"), off, node);
    return off;
  }

  private void assertReadOnlyButReadable(ImmuStore s) {
    assertThat(s.isReadOnly()).isTrue();
    assertThatThrownBy(() -> s.commit(List.of(new KeyValue(b("new"), b("v")))))
        .isInstanceOf(StoreStateException.class);
    TxRecord other = s.txRecord(3);
    assertThat(s.readValue(other, 0)).isEqualTo(b("value-3"));
  }

  /** Where tx {@code id}'s values are, read with a throw-away open of the store. */
  private TxRecord locate(long id) throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, options())) {
      return s.txRecord(id);
    }
  }

  /** The tx-log offset of tx {@code id}, from its commit record. */
  private long txOffset(long id) throws IOException {
    return commitRecord(id).txOff();
  }

  /** The length of tx {@code id}'s tx record, from its commit record. */
  private int txLength(long id) throws IOException {
    return commitRecord(id).txLen();
  }

  private CommitRecord commitRecord(long id) throws IOException {
    try (FileChannel ch = FileChannel.open(dir.resolve("commit/00000000.seg"))) {
      ByteBuffer b = ByteBuffer.allocate(CommitRecord.LENGTH);
      ch.read(b, CommitRecord.offsetOf(id));
      return CommitRecord.decode(b.flip(), id);
    } catch (io.immudb.embedded.internal.txlog.RecordException e) {
      throw new IOException(e);
    }
  }

  private static void flip(Path file, long offset) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, offset);
      b.put(0, (byte) (b.get(0) ^ 0x10));
      ch.write(b.rewind(), offset);
    }
  }

  /**
   * Recomputes the trailing CRC32C of the record at {@code off}, as a deliberate tamperer would.
   */
  private static void fixCrc(Path file, long off, int len) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(len);
      ch.read(b, off);
      CRC32C crc = new CRC32C();
      crc.update(b.array(), 0, len - 4);
      ch.write(ByteBuffer.allocate(4).putInt(0, (int) crc.getValue()), off + len - 4);
    }
  }

  private static void write(Path file, long off, ByteBuffer b) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(b, off);
    }
  }
}
