package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.internal.txlog.TxRecord;
import io.immudb.embedded.internal.txlog.TxRecordCodec;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flips single bits at seeded random offsets of every kind of data file of a cleanly closed store
 * and checks that each flip is detected: opening fails, or full verification reports a problem in
 * the damaged file. For a value in the value log, or inline in the tx log, the read path must also
 * refuse the damaged value.
 *
 * <p>The index (RocksDB, derived data with its own checksums) and the {@code LOCK} file are not
 * damaged. The seed is printed; replay a failure with {@code -Dimmudb.corruption.seed=SEED}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CorruptionDetectionIT {
  private static final int TXS = 300;
  private static final long SEGMENT_SIZE = 64 * 1024;
  private static final int FLIPS_PER_KIND = 40;

  @TempDir static Path shared;
  private static Path pristine;
  private static long seed;

  /** Committed transactions of the pristine store, by id (index 0 unused). */
  private static final List<StoredTx> txs = new ArrayList<>();

  @TempDir Path work;

  /** What the pristine store holds for one tx: where its values are, and the values. */
  private record StoredTx(
      long id, long valuesOff, int valuesLen, long[] vOffs, byte[][] values, Sha256Digest alh) {}

  private static StoreOptions options() {
    return StoreOptions.builder().synced(false).segmentSize(SEGMENT_SIZE).build();
  }

  @BeforeAll
  static void buildPristineStore() throws IOException {
    // Every detected flip is logged as an error by the store; keep the output readable.
    if (System.getProperty("org.slf4j.simpleLogger.log.io.immudb.embedded.store.ImmuStore")
        == null) {
      System.setProperty("org.slf4j.simpleLogger.log.io.immudb.embedded.store.ImmuStore", "off");
    }
    seed = Long.getLong("immudb.corruption.seed", System.nanoTime());
    System.out.println(
        "CorruptionDetectionIT seed="
            + seed
            + " (replay with -Dimmudb.corruption.seed="
            + seed
            + ")");
    Random rnd = new Random(seed);
    pristine = shared.resolve("pristine");
    try (ImmuStore s = ImmuStore.open(pristine, options())) {
      for (int t = 0; t < TXS; t++) {
        int n = rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(7) : 1;
        List<KeyValue> kvs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          byte[] key =
              ("k" + t + "-" + i + "-" + rnd.nextInt(1000)).getBytes(StandardCharsets.UTF_8);
          int len = rnd.nextInt(10) == 0 ? 2000 + rnd.nextInt(30_000) : rnd.nextInt(200);
          byte[] value = new byte[len];
          rnd.nextBytes(value);
          kvs.add(KeyValue.ofOwned(key, value));
        }
        s.commit(kvs);
      }
      long last = s.lastTxId();
      assertThat(last).isEqualTo(TXS);
      txs.add(null);
      for (long id = 1; id <= last; id++) {
        TxRecord rec = s.txRecord(id);
        int n = rec.entries().size();
        byte[][] values = new byte[n][];
        for (int i = 0; i < n; i++) {
          values[i] = s.readValue(rec, i);
        }
        txs.add(new StoredTx(id, rec.valuesOff(), rec.valuesLen(), rec.vOffs(), values, s.alh(id)));
      }
      assertThat(s.verify().ok()).as("the pristine store verifies").isTrue();
      s.awaitIndexed(last, java.time.Duration.ofSeconds(30));
    }
    assertThat(segments(pristine, "val")).as("value log segments").hasSizeGreaterThan(3);
  }

  /** The files of one kind, in logical order. */
  private static List<Path> segments(Path store, String kind) throws IOException {
    if (kind.equals(StoreMeta.FILE)) {
      return List.of(store.resolve(StoreMeta.FILE));
    }
    try (Stream<Path> files = Files.list(store.resolve(kind))) {
      return files
          .filter(p -> p.getFileName().toString().matches("\\d{8}\\.seg"))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"val", "tx", "commit", "aht", StoreMeta.FILE})
  void everyFlippedBitIsDetected(String kind) throws IOException {
    Random rnd = new Random(seed ^ kind.hashCode());
    List<Path> files = segments(pristine, kind);
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    assertThat(total).as("bytes of %s", kind).isPositive();
    // Random offsets, plus the edges: the first record, the last tx's records (checked on open)
    // and both sides of each segment boundary.
    List<Long> offsets = new ArrayList<>();
    for (int i = 0; i < FLIPS_PER_KIND; i++) {
      offsets.add((long) (rnd.nextDouble() * total));
    }
    long[] edges = {0, 5, total - 1, total - 4, total - 20, total - 40, total - 100, total - 150};
    for (long e : edges) {
      if (e >= 0 && e < total) {
        offsets.add(e);
      }
    }
    long boundary = 0;
    for (int i = 0; i < files.size() - 1 && i < 4; i++) {
      boundary += Files.size(files.get(i));
      offsets.add(boundary - 1);
      offsets.add(boundary);
    }
    int atOpen = 0;
    int byVerify = 0;
    int valuesRefused = 0;
    for (int trial = 0; trial < offsets.size(); trial++) {
      long pick = offsets.get(trial);
      int fileIndex = 0;
      while (pick >= Files.size(files.get(fileIndex))) {
        pick -= Files.size(files.get(fileIndex));
        fileIndex++;
      }
      Path file = pristine.relativize(files.get(fileIndex));
      long offset = pick;
      int bit = rnd.nextInt(8);
      String what = "seed " + seed + ": bit " + bit + " of " + file + " at offset " + offset;

      Path copy = work.resolve("trial-" + trial);
      copyTree(pristine, copy);
      flip(copy.resolve(file), offset, bit);

      ImmuStore store;
      try {
        store = ImmuStore.open(copy, options());
      } catch (CorruptedDataException e) {
        assertThat(e.location()).as("%s: location of %s", what, e).contains(locationOf(kind));
        assertThat(fileSizes(copy)).as("%s: nothing cut", what).isEqualTo(fileSizes(pristine));
        atOpen++;
        deleteTree(copy);
        continue;
      } catch (IOException e) {
        // Only the text meta file may fail below the checks (e.g. malformed UTF-8).
        assertThat(kind).as("%s: open failed with %s", what, e).isEqualTo(StoreMeta.FILE);
        atOpen++;
        deleteTree(copy);
        continue;
      }
      try {
        if (kind.equals("val")) {
          valuesRefused += checkReadPath(store, fileIndex * SEGMENT_SIZE + offset, what);
        } else if (kind.equals("tx")) {
          valuesRefused += checkInlineReadPath(store, fileIndex * SEGMENT_SIZE + offset, what);
        }
        VerificationReport report = store.verify();
        if (report.ok()) {
          fail("%s: the flip was not detected (open and verify both passed: %s)", what, report);
        }
        assertThat(report.problem().get().location())
            .as("%s: problem location in %s", what, report)
            .contains(locationOf(kind));
        byVerify++;
      } finally {
        store.close();
      }
      assertThat(fileSizes(copy)).as("%s: nothing cut", what).isEqualTo(fileSizes(pristine));
      deleteTree(copy);
    }
    System.out.printf(
        "CorruptionDetectionIT %s: %d flips over %d bytes in %d files: %d refused at open, %d"
            + " found by verify, %d damaged values refused by reads%n",
        kind, offsets.size(), total, files.size(), atOpen, byVerify, valuesRefused);
  }

  /**
   * Every bit of {@code store.meta} flipped in turn, read directly: exhaustive, since the file is
   * tiny and text, where random offsets easily miss the interesting bytes (the checksum line).
   */
  @Test
  void everyBitOfTheMetaFileIsCovered() throws IOException {
    byte[] good = Files.readAllBytes(pristine.resolve(StoreMeta.FILE));
    Path dir = work.resolve("meta");
    Files.createDirectories(dir);
    List<String> missed = new ArrayList<>();
    for (int off = 0; off < good.length; off++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bad = good.clone();
        bad[off] ^= (byte) (1 << bit);
        Files.write(dir.resolve(StoreMeta.FILE), bad);
        try {
          StoreMeta m = StoreMeta.read(dir);
          missed.add("bit " + bit + " at offset " + off + " (read as " + m + ")");
        } catch (CorruptedDataException | IOException expected) {
          // IOException: malformed UTF-8
        }
      }
    }
    assertThat(missed).as("undetected flips of store.meta (%d bytes)", good.length).isEmpty();
  }

  /**
   * A store that refuses to open must not keep any of its files open (Linux only: reads {@code
   * /proc/self/fd}). Damages the last commit record, which recovery checks.
   */
  @Test
  void aRefusedOpenLeavesNoFileOpen() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd");
    Path copy = work.resolve("refused");
    copyTree(pristine, copy);
    flip(copy.resolve("commit").resolve("00000000.seg"), (TXS - 1) * 56L + 30, 0);
    assertThatThrownBy(() -> ImmuStore.open(copy, options()))
        .isInstanceOf(CorruptedDataException.class);
    List<String> open = new ArrayList<>();
    try (Stream<Path> list = Files.list(fds)) {
      for (Path fd : (Iterable<Path>) list::iterator) {
        try {
          Path target = Files.readSymbolicLink(fd);
          if (target.startsWith(copy.toRealPath())) {
            open.add(target.toString());
          }
        } catch (IOException gone) {
          // the descriptor of the listing itself, or one closed meanwhile
        }
      }
    }
    assertThat(open).as("files still open after a refused open").isEmpty();
  }

  /**
   * If the logical value-log {@code offset} lies inside a stored value, reading that value must
   * fail with {@link CorruptedDataException}; the other values of the tx still read back intact.
   * Returns 1 if a damaged value was refused.
   */
  private static int checkReadPath(ImmuStore store, long offset, String what) {
    for (int id = 1; id < txs.size(); id++) {
      StoredTx t = txs.get(id);
      if (offset < t.valuesOff() || offset >= t.valuesOff() + t.valuesLen()) {
        continue;
      }
      TxRecord rec = store.txRecord(id);
      int damaged = -1;
      for (int i = 0; i < t.values().length; i++) {
        if (offset >= t.vOffs()[i] && offset < t.vOffs()[i] + t.values()[i].length) {
          damaged = i;
        }
      }
      for (int i = 0; i < t.values().length; i++) {
        int entry = i;
        if (i == damaged) {
          assertThatThrownBy(() -> store.readValue(rec, entry))
              .as("%s: reading the damaged value of entry %d of tx %d", what, i, id)
              .isInstanceOf(CorruptedDataException.class);
        } else {
          assertThat(store.readValue(rec, entry))
              .as("%s: an intact value of entry %d of tx %d", what, i, id)
              .isEqualTo(t.values()[i]);
        }
      }
      return damaged >= 0 ? 1 : 0;
    }
    fail("%s: offset %d is in no committed tx's value record", what, offset);
    return 0;
  }

  /**
   * If the logical tx-log {@code offset} lies inside a value stored inline, reading that value
   * through the index's reference (which, unlike a tx read, does not check the record's checksum)
   * must fail with {@link CorruptedDataException}; the tx's other inline values still read back
   * intact. Returns 1 if a damaged value was refused.
   */
  private static int checkInlineReadPath(ImmuStore store, long offset, String what) {
    for (int id = 1; id < txs.size(); id++) {
      StoredTx t = txs.get(id);
      int damaged = -1;
      for (int i = 0; i < t.values().length; i++) {
        long at = TxRecordCodec.logOffset(t.vOffs()[i]);
        if (TxRecordCodec.isInline(t.vOffs()[i])
            && offset >= at
            && offset < at + t.values()[i].length) {
          damaged = i;
        }
      }
      if (damaged < 0) {
        continue;
      }
      Sha256Hasher h = Sha256Hasher.create();
      for (int i = 0; i < t.values().length; i++) {
        if (!TxRecordCodec.isInline(t.vOffs()[i])) {
          continue;
        }
        EntryRef ref =
            new EntryRef(id, i, t.vOffs()[i], t.values()[i].length, h.hash(t.values()[i]));
        if (i == damaged) {
          assertThatThrownBy(() -> store.readValue(ref))
              .as("%s: reading the damaged inline value of entry %d of tx %d", what, i, id)
              .isInstanceOfSatisfying(
                  CorruptedDataException.class,
                  e -> assertThat(e.location()).contains(File.separator + "tx" + File.separator));
        } else {
          assertThat(store.readValue(ref))
              .as("%s: an intact inline value of entry %d of tx %d", what, i, id)
              .isEqualTo(t.values()[i]);
        }
      }
      return 1;
    }
    return 0;
  }

  /** The size of every log segment, by path relative to the store: a refused store cuts nothing. */
  private static Map<String, Long> fileSizes(Path store) throws IOException {
    Map<String, Long> sizes = new TreeMap<>();
    for (String kind : List.of("val", "tx", "commit", "aht")) {
      for (Path f : segments(store, kind)) {
        sizes.put(store.relativize(f).toString(), Files.size(f));
      }
    }
    return sizes;
  }

  private static String locationOf(String kind) {
    return kind.equals(StoreMeta.FILE) ? StoreMeta.FILE : File.separator + kind + File.separator;
  }

  private static void flip(Path file, long offset, int bit) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      if (ch.read(b, offset) != 1) {
        throw new IOException("cannot read " + file + " at " + offset);
      }
      b.put(0, (byte) (b.get(0) ^ (1 << bit)));
      b.rewind();
      ch.write(b, offset);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(f);
      }
    }
  }
}
