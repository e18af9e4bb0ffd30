package io.immudb.embedded.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Child process of {@link SharedCachesSettingsIT}: writes and reads back keys in a store at {@code
 * args[0]} with whatever cache settings its JVM was started with; exits 0 if every value read is
 * the one written.
 */
public final class BlockCacheChildMain {
  private BlockCacheChildMain() {}

  public static void main(String[] args) throws Exception {
    try (ImmuStore s = ImmuStore.open(Path.of(args[0]), StoreOptions.builder().build())) {
      for (int tx = 0; tx < 20; tx++) {
        List<KeyValue> kvs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          kvs.add(new KeyValue(key(tx, i), key(tx, i)));
        }
        s.commit(kvs);
      }
      s.awaitIndexed(s.lastTxId());
      s.flushIndex(); // reads then come from the index's table files, through its block cache
      for (int round = 0; round < 2; round++) {
        for (int tx = 0; tx < 20; tx++) {
          for (int i = 0; i < 50; i++) {
            byte[] v = s.readValue(s.latestRef(key(tx, i)));
            if (!Arrays.equals(v, key(tx, i))) {
              throw new AssertionError("wrong value for tx " + tx + " entry " + i);
            }
            s.readValue(s.txRecord(s.latestRef(key(tx, i)).txId()), i);
          }
        }
      }
    }
    System.out.println("child: all values read back");
  }

  private static byte[] key(int tx, int i) {
    return ("key-" + tx + "-" + i).getBytes(StandardCharsets.UTF_8);
  }
}
