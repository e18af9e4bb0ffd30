// Writes the format-1 fixture store (see README.md). A single-file program, run with the classpath
// of the immudb build that should write the store, e.g.
//   java -cp 'immudb-bench/target/lib/*' MakeV1Store.java /tmp/v1store
// FormatV1CompatTest mirrors entries(id) to know what every tx must read back as.

import io.immudb.embedded.store.ImmuStore;
import io.immudb.embedded.store.KeyValue;
import io.immudb.embedded.store.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

public final class MakeV1Store {
  static final int TXS = 40;

  /** Value lengths of the entries of tx {@code id}: small ones, one empty, some past 4 KiB. */
  static int[] lengths(long id) {
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

  /** The entries of tx {@code id}: keys repeat across txs, so keys have history. */
  static List<KeyValue> entries(long id) {
    int[] lens = lengths(id);
    List<KeyValue> out = new ArrayList<>(lens.length);
    for (int j = 0; j < lens.length; j++) {
      byte[] key = ("key-" + (id % 7) + "-" + j).getBytes(StandardCharsets.UTF_8);
      byte[] value = new byte[lens[j]];
      for (int k = 0; k < value.length; k++) {
        value[k] = (byte) (id * 131 + j * 17 + k);
      }
      out.add(new KeyValue(key, value));
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    AtomicLong clock = new AtomicLong(1_700_000_000L);
    StoreOptions o = StoreOptions.builder().clockSeconds(clock::getAndIncrement).build();
    try (ImmuStore s = ImmuStore.open(Path.of(args[0]), o)) {
      for (long id = 1; id <= TXS; id++) {
        s.commit(entries(id));
      }
      s.flushIndex();
      System.out.println("tx " + s.lastTxId() + " alh " + s.alh(s.lastTxId()).toHex());
    }
  }
}
