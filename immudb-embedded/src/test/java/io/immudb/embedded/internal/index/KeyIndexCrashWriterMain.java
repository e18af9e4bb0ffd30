package io.immudb.embedded.internal.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child JVM of {@link KeyIndexCrashIT}: opens the index, applies the deterministic workload
 * from {@code indexedTx + 1} on in random batches while another thread keeps compacting (which
 * flushes), until it is killed.
 *
 * <p>After each compaction that follows applies of this run, it prints {@code persisted N} on
 * stdout: every tx up to {@code N} was applied before a flush that has completed, so it survives a
 * kill.
 *
 * <p>Usage: {@code KeyIndexCrashWriterMain DIR WORKLOAD_SEED CHILD_SEED}.
 */
public final class KeyIndexCrashWriterMain {
  static final int KEYS = 500;

  private KeyIndexCrashWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long workload = Long.parseLong(args[1]);
    Random rnd = new Random(Long.parseLong(args[2]));
    KeyIndex index = KeyIndex.open(dir);
    long recovered = index.indexedTx();
    Thread compactor =
        new Thread(
            () -> {
              long persisted = recovered;
              while (true) {
                long applied = index.indexedTx();
                index.compact();
                if (applied > persisted) {
                  persisted = applied;
                  System.out.println("persisted " + applied);
                  System.out.flush();
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "compactor");
    compactor.setDaemon(true);
    compactor.start();
    long next = index.indexedTx() + 1;
    while (true) { // until killed
      List<TxIndexBatch> batch = new ArrayList<>();
      for (int n = 1 + rnd.nextInt(40); n > 0; n--) {
        batch.add(tx(workload, next++));
      }
      index.apply(batch);
    }
  }

  /** Tx {@code t} of the workload: 1..8 distinct keys out of {@link #KEYS}, a function of t. */
  static TxIndexBatch tx(long workload, long t) {
    Random r = new Random(workload * 31 + t);
    List<byte[]> keys = new ArrayList<>();
    List<EntryRef> refs = new ArrayList<>();
    boolean[] used = new boolean[KEYS];
    for (int n = 1 + r.nextInt(8); n > 0; n--) {
      int k = r.nextInt(KEYS);
      if (!used[k]) {
        used[k] = true;
        keys.add(key(k));
        refs.add(KeyIndexTest.ref(t, refs.size()));
      }
    }
    return new TxIndexBatch(t, keys, refs);
  }

  static byte[] key(int k) {
    // namespace 0, then a key with 00 and FF bytes in it
    return new byte[] {0, (byte) (k >>> 8), 0, (byte) k, (byte) 0xFF};
  }
}
