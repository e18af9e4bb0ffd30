package io.immudb.embedded.store;

import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.PushbackException;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.rocksdb.RocksDB;

/**
 * The child JVM of {@link WritePathKillIT}: opens a synced store and commits {@link
 * WritePathWorkload} transactions from several threads, through {@link ImmuStore#commit} and
 * through bursts of {@link ImmuStore#commitAsync}, until it is killed.
 *
 * <p>To take the JVM's start off the parent's clock, the child boots while the parent still checks
 * the previous cycle: it loads what it needs, then waits for a line {@code go} on stdin before it
 * opens the store (which the parent holds until then).
 *
 * <p>Protocol on stdout, one line per {@code write(2)} of at most a few hundred bytes, so a line is
 * never torn or interleaved (pipe writes up to {@code PIPE_BUF} are atomic):
 *
 * <ul>
 *   <li>{@code ready LASTTXID ALHHEX|-} once the store is open (its recovered state);
 *   <li>a {@link WritePathAck} line after each commit returned, or its future completed.
 * </ul>
 *
 * <p>Any failure other than pushback (which is retried) prints a stack trace on stderr and halts
 * with status 2, so the parent sees the child die early. The child halts by itself when its stdin
 * reaches its end, so that it never outlives an aborted test run.
 *
 * <p>Arguments: {@code DIR SEED THREADS}.
 */
public final class WritePathKillChildMain {
  private static final FileOutputStream STDOUT = new FileOutputStream(FileDescriptor.out);
  private static final int MAX_BURST = 4;

  private WritePathKillChildMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    int threads = Integer.parseInt(args[2]);
    warmup();
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    String go = stdin.readLine();
    if (!"go".equals(go)) {
      System.err.println("expected 'go' on stdin, got " + go);
      Runtime.getRuntime().halt(2);
    }
    Thread orphanGuard =
        new Thread(
            () -> {
              // EOF on stdin: the parent is gone (a killed test run); don't write on forever.
              try {
                while (stdin.read() >= 0) {
                  // nothing else comes
                }
              } catch (IOException e) {
                // the same
              }
              Runtime.getRuntime().halt(3);
            },
            "orphan-guard");
    orphanGuard.setDaemon(true);
    orphanGuard.start();
    ImmuStore store = ImmuStore.open(dir, WritePathWorkload.options());
    long last = store.lastTxId();
    emit("ready " + last + " " + (last == 0 ? "-" : store.alh(last).toHex()));
    for (int t = 0; t < threads; t++) {
      Random rnd = new Random(seed * 31 + t);
      Thread th = new Thread(() -> commitForever(store, rnd), "committer-" + t);
      th.start();
    }
    // The committers never stop: the parent kills this process.
  }

  /**
   * Loads what opening the store and committing need first (the store's classes, the RocksDB
   * library, SHA-256), so that the child starts committing soon after {@code go}.
   */
  private static void warmup() throws Exception {
    Class.forName(ImmuStore.class.getName());
    RocksDB.loadLibrary();
    MessageDigest.getInstance("SHA-256").digest(new byte[1]);
    WritePathWorkload.entries(1);
  }

  private static void commitForever(ImmuStore store, Random rnd) {
    try {
      while (true) {
        if (rnd.nextInt(5) < 3) {
          long s = rnd.nextLong();
          List<KeyValue> kvs = WritePathWorkload.entries(s);
          TxHeader h;
          while (true) {
            try {
              h = store.commit(kvs);
              break;
            } catch (PushbackException e) {
              Thread.sleep(1);
            }
          }
          emit(new WritePathAck(h.id(), h.alh(), s, false).line());
        } else {
          int n = 2 + rnd.nextInt(MAX_BURST - 1);
          long[] seeds = new long[n];
          List<CompletableFuture<TxHeader>> futures = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            seeds[i] = rnd.nextLong();
            futures.add(submit(store, WritePathWorkload.entries(seeds[i])));
          }
          for (int i = 0; i < n; i++) {
            TxHeader h = futures.get(i).join();
            emit(new WritePathAck(h.id(), h.alh(), seeds[i], true).line());
          }
        }
      }
    } catch (InterruptedException | IOException | RuntimeException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      System.err.println("committer failed: " + cause);
      cause.printStackTrace();
      System.err.flush();
      Runtime.getRuntime().halt(2);
    }
  }

  private static CompletableFuture<TxHeader> submit(ImmuStore store, List<KeyValue> kvs)
      throws InterruptedException {
    while (true) {
      try {
        return store.commitAsync(kvs);
      } catch (PushbackException e) {
        Thread.sleep(1);
      }
    }
  }

  private static void emit(String line) throws IOException {
    byte[] b = (line + "\n").getBytes(StandardCharsets.US_ASCII);
    synchronized (STDOUT) {
      STDOUT.write(b);
    }
  }
}
