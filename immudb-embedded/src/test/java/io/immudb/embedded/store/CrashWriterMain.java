package io.immudb.embedded.store;

import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.PushbackException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The child process of {@link CrashRecoveryIT}: opens a store and commits random transactions from
 * several threads until it is killed.
 *
 * <p>After each commit returns, the committing thread appends one line to the ack file, in one
 * write call: {@code txId alhHex key,key,...\n}. So every line (except maybe a torn last one) is a
 * transaction the store acknowledged as durable. Prints {@code ready} on stdout once the store is
 * open.
 *
 * <p>Arguments: {@code dir ackFile seed threads}.
 */
public final class CrashWriterMain {
  /** Keys are drawn from this many names, so that keys are overwritten across transactions. */
  static final int KEY_SPACE = 2000;

  /** Segment size of the crash-test store: small, so that crashes hit segment boundaries. */
  static final long SEGMENT_SIZE = 256 * 1024;

  private CrashWriterMain() {}

  static StoreOptions options() {
    return StoreOptions.builder().synced(true).segmentSize(SEGMENT_SIZE).build();
  }

  static byte[] key(int n) {
    return String.format("key-%04d", n).getBytes(StandardCharsets.US_ASCII);
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path ackFile = Path.of(args[1]);
    long seed = Long.parseLong(args[2]);
    int threads = Integer.parseInt(args[3]);
    ImmuStore store = ImmuStore.open(dir, options());
    FileChannel ack =
        FileChannel.open(
            ackFile,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    for (int t = 0; t < threads; t++) {
      Random rnd = new Random(seed * 31 + t);
      Thread th = new Thread(() -> commitForever(store, ack, rnd), "committer-" + t);
      th.start();
    }
    System.out.println("ready");
    System.out.flush();
    // The committers never stop: the parent kills this process.
  }

  private static void commitForever(ImmuStore store, FileChannel ack, Random rnd) {
    while (true) {
      int n = 1 + rnd.nextInt(5);
      Set<Integer> names = new LinkedHashSet<>();
      while (names.size() < n) {
        names.add(rnd.nextInt(KEY_SPACE));
      }
      List<KeyValue> kvs = new ArrayList<>(n);
      StringBuilder keys = new StringBuilder();
      for (int name : names) {
        int len = rnd.nextInt(20) == 0 ? 1000 + rnd.nextInt(8000) : rnd.nextInt(100);
        byte[] v = new byte[len];
        rnd.nextBytes(v);
        kvs.add(KeyValue.ofOwned(key(name), v));
        keys.append(keys.length() == 0 ? "" : ",").append(name);
      }
      TxHeader h;
      try {
        h = store.commit(kvs);
      } catch (PushbackException e) {
        Thread.onSpinWait();
        continue;
      } catch (RuntimeException e) {
        // Nothing should fail here: exit early so that the parent sees it.
        e.printStackTrace();
        Runtime.getRuntime().halt(2);
        return;
      }
      byte[] line =
          (h.id() + " " + h.alh().toHex() + " " + keys + "\n").getBytes(StandardCharsets.US_ASCII);
      try {
        int written = ack.write(ByteBuffer.wrap(line));
        if (written != line.length) {
          throw new IOException("short write to the ack file: " + written + " of " + line.length);
        }
      } catch (IOException e) {
        e.printStackTrace();
        Runtime.getRuntime().halt(3);
      }
    }
  }
}
