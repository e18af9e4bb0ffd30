package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.core.proof.VerificationException;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.internal.index.IndexSnapshot;
import io.immudb.embedded.internal.txlog.TxRecord;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a committing child JVM ({@link CrashWriterMain}) at a seeded random moment, again and again
 * on the same directory, and checks after each kill that recovery kept every acknowledged
 * transaction: same id, same Alh, a clean full verification, dual proofs from every acknowledged
 * state (sampled) to the recovered state, and an index that catches up with the log.
 *
 * <p>The seed is printed; replay a failure with {@code -Dimmudb.crash.seed=SEED}.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {
  private static final int CYCLES = 50;
  private static final int THREADS = 8;
  private static final int MIN_RUN_MILLIS = 50;
  private static final int MAX_RUN_MILLIS = 600;
  private static final int PROOFS_PER_CYCLE = 50;
  private static final int INDEX_CHECK_EVERY = 5;

  @TempDir Path tmp;

  /** One acknowledged commit, as the child wrote it to its ack file. */
  private record Ack(long txId, Sha256Digest alh, int[] keys) {}

  @Test
  void acknowledgedTransactionsSurviveRepeatedKills() throws Exception {
    long seed = Long.getLong("immudb.crash.seed", System.nanoTime());
    System.out.println(
        "CrashRecoveryIT seed=" + seed + " (replay with -Dimmudb.crash.seed=" + seed + ")");
    // The schedule (run times, child seeds) replays exactly from the seed; the sampling depends
    // on how many commits each child made, so it has its own generator.
    Random schedule = new Random(seed);
    Random rnd = new Random(~seed);
    Path dir = tmp.resolve("store");
    String classpath = snapshotClasspath(tmp.resolve("classpath"));
    List<Ack> history = new ArrayList<>();
    Map<Integer, Long> lastAckedWrite = new HashMap<>();
    long prevLast = 0;
    Sha256Digest prevAlh = null;
    long started = System.nanoTime();
    int cyclesWithCut = 0;

    for (int cycle = 0; cycle < CYCLES; cycle++) {
      String where = "seed " + seed + ", cycle " + cycle;
      Path ackFile = tmp.resolve("ack-" + cycle + ".txt");
      Path errFile = tmp.resolve("child-" + cycle + ".err");
      int runMillis = MIN_RUN_MILLIS + schedule.nextInt(MAX_RUN_MILLIS - MIN_RUN_MILLIS + 1);
      runAndKillChild(classpath, dir, ackFile, errFile, schedule.nextLong(), runMillis, where);
      List<Ack> acks = readAcks(ackFile, where);
      long[] killedSizes = logSizes(dir);

      try (ImmuStore store = ImmuStore.open(dir, CrashWriterMain.options())) {
        long last = store.lastTxId();
        assertThat(last).as("%s: last tx after recovery", where).isGreaterThanOrEqualTo(prevLast);
        // A child killed before its first commit leaves an empty store: no Alh yet.
        Sha256Digest lastAlh = last == 0 ? null : store.alh(last);
        if (prevLast > 0) {
          assertThat(store.alh(prevLast))
              .as("%s: Alh of tx %d, the last tx before this cycle", where, prevLast)
              .isEqualTo(prevAlh);
        }

        assertThat(acks.stream().mapToLong(Ack::txId).distinct().count())
            .as("%s: acknowledged tx ids are distinct", where)
            .isEqualTo(acks.size());
        for (Ack a : acks) {
          assertThat(a.txId())
              .as(
                  "%s: acknowledged tx %d must be after the previous cycle's last tx",
                  where, a.txId())
              .isGreaterThan(prevLast);
          assertThat(a.txId())
              .as("%s: acknowledged tx %d must survive (last tx is %d)", where, a.txId(), last)
              .isLessThanOrEqualTo(last);
          assertThat(store.alh(a.txId()))
              .as("%s: Alh of acknowledged tx %d (commit log)", where, a.txId())
              .isEqualTo(a.alh());
          assertThat(store.header(a.txId()).alh())
              .as("%s: Alh of acknowledged tx %d (tx log)", where, a.txId())
              .isEqualTo(a.alh());
        }

        VerificationReport report = store.verify();
        assertThat(report.ok()).as("%s: full verification: %s", where, report).isTrue();
        assertThat(report.txsChecked()).as("%s: %s", where, report).isEqualTo(last);

        // Dual proofs to the recovered state: from a sample of this cycle's acks, the newest
        // ack, the state before this cycle and a few acks of earlier cycles.
        List<Ack> sample = sample(acks, PROOFS_PER_CYCLE, rnd);
        acks.stream().max((x, y) -> Long.compare(x.txId(), y.txId())).ifPresent(sample::add);
        sample.addAll(sample(history, 10, rnd));
        if (prevLast > 0) {
          sample.add(new Ack(prevLast, prevAlh, new int[0]));
        }
        for (Ack a : sample) {
          try {
            DualProofVerifier.verify(
                store.dualProof(a.txId(), last), a.txId(), last, a.alh(), lastAlh);
          } catch (VerificationException e) {
            throw new AssertionError(
                where + ": dual proof " + a.txId() + " -> " + last + " fails: " + e, e);
          }
        }

        history.addAll(acks);
        for (Ack a : acks) {
          for (int k : a.keys()) {
            lastAckedWrite.merge(k, a.txId(), Math::max);
          }
        }
        if (cycle % INDEX_CHECK_EVERY == INDEX_CHECK_EVERY - 1 || cycle == CYCLES - 1) {
          checkIndex(store, lastAckedWrite, rnd, where);
        }

        long[] recoveredSizes = logSizes(dir);
        String cut = "";
        for (int i = 0; i < LOGS.length; i++) {
          if (recoveredSizes[i] != killedSizes[i]) {
            cut += " " + LOGS[i] + " -" + (killedSizes[i] - recoveredSizes[i]);
          }
        }
        cyclesWithCut += cut.isEmpty() ? 0 : 1;
        System.out.printf(
            "cycle %d: ran %d ms, %d acks, last tx %d (was %d), recovery cut [%s ], %s%n",
            cycle, runMillis, acks.size(), last, prevLast, cut, report);
        prevLast = last;
        prevAlh = lastAlh;
      }
    }
    System.out.printf(
        "CrashRecoveryIT: %d cycles (%d with an uncommitted tail cut by recovery), %d"
            + " acknowledged txs, %d txs in the store, %d s%n",
        CYCLES,
        cyclesWithCut,
        history.size(),
        prevLast,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    assertThat(history).as("seed %d: the children acknowledged some commits", seed).isNotEmpty();
  }

  private static final String[] LOGS = {"val", "tx", "commit", "aht"};

  /** Total bytes of each log, in the order of {@link #LOGS}. */
  private static long[] logSizes(Path dir) throws IOException {
    long[] sizes = new long[LOGS.length];
    for (int i = 0; i < LOGS.length; i++) {
      try (Stream<Path> files = Files.list(dir.resolve(LOGS[i]))) {
        for (Path f : (Iterable<Path>) files::iterator) {
          sizes[i] += Files.size(f);
        }
      }
    }
    return sizes;
  }

  /**
   * The index, once caught up, holds for each sampled key a version at least as new as the newest
   * acknowledged write of that key, and that version is the key's entry in its tx.
   */
  private static void checkIndex(
      ImmuStore store, Map<Integer, Long> lastAckedWrite, Random rnd, String where) {
    long last = store.lastTxId();
    store.awaitIndexed(last, Duration.ofSeconds(30));
    List<Integer> keys = new ArrayList<>(lastAckedWrite.keySet());
    Collections.sort(keys);
    try (IndexSnapshot snap = store.indexSnapshot()) {
      assertThat(snap.txId()).as("%s: indexed tx", where).isGreaterThanOrEqualTo(last);
      for (int name : sample(keys, 30, rnd)) {
        byte[] key = CrashWriterMain.key(name);
        Optional<EntryRef> ref = snap.get(key);
        long acked = lastAckedWrite.get(name);
        assertThat(ref).as("%s: index entry of key %d", where, name).isPresent();
        assertThat(ref.get().txId())
            .as("%s: indexed version of key %d vs its newest acknowledged write", where, name)
            .isGreaterThanOrEqualTo(acked)
            .isLessThanOrEqualTo(last);
        TxRecord rec = store.txRecord(ref.get().txId());
        assertThat(rec.entries().get(ref.get().entryIndex()).key())
            .as("%s: key of the indexed entry of key %d", where, name)
            .isEqualTo(key);
        assertThat(store.readValue(ref.get()))
            .as("%s: value of key %d", where, name)
            .isEqualTo(store.readValue(rec, ref.get().entryIndex()));
      }
    }
  }

  private static <T> List<T> sample(List<T> from, int max, Random rnd) {
    if (from.size() <= max) {
      return new ArrayList<>(from);
    }
    List<T> out = new ArrayList<>(max);
    for (int i = 0; i < max; i++) {
      out.add(from.get(rnd.nextInt(from.size())));
    }
    return out;
  }

  /**
   * Copies the build's own classpath entries (class directories, jars under a {@code target}
   * directory and snapshot jars) so that the children keep running the code under test even if the
   * project is rebuilt or reinstalled meanwhile; released jars are used in place.
   */
  private static String snapshotClasspath(Path into) throws IOException {
    List<String> out = new ArrayList<>();
    int n = 0;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.isEmpty()) {
        continue;
      }
      Path p = Path.of(e).toAbsolutePath();
      // Snapshot builds of this project, in target/ or installed in the local repository.
      boolean built = p.getFileName().toString().contains("-SNAPSHOT");
      for (Path part : p) {
        built |= part.toString().equals("target");
      }
      if (Files.isDirectory(p)) {
        Path copy = into.resolve("dir" + n++);
        try (Stream<Path> files = Files.walk(p)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Path to = copy.resolve(p.relativize(f).toString());
            if (Files.isDirectory(f)) {
              Files.createDirectories(to);
            } else {
              Files.copy(f, to);
            }
          }
        }
        out.add(copy.toString());
      } else if (built && Files.isRegularFile(p)) {
        Files.createDirectories(into);
        Path copy = into.resolve("jar" + n++ + "-" + p.getFileName());
        Files.copy(p, copy);
        out.add(copy.toString());
      } else {
        out.add(e);
      }
    }
    return String.join(File.pathSeparator, out);
  }

  private static void runAndKillChild(
      String classpath,
      Path dir,
      Path ackFile,
      Path errFile,
      long childSeed,
      int runMillis,
      String where)
      throws Exception {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            classpath,
            CrashWriterMain.class.getName(),
            dir.toString(),
            ackFile.toString(),
            Long.toString(childSeed),
            Integer.toString(THREADS));
    pb.redirectError(errFile.toFile());
    Process p = pb.start();
    try {
      CompletableFuture<Boolean> ready = new CompletableFuture<>();
      StringBuffer stdout = new StringBuffer();
      Thread readerThread =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    stdout.append(line).append('\n');
                    if (line.equals("ready")) {
                      ready.complete(true);
                    }
                  }
                  ready.complete(false);
                } catch (IOException e) {
                  ready.complete(false);
                }
              },
              "crash-child-stdout");
      readerThread.setDaemon(true);
      readerThread.start();
      boolean isReady;
      try {
        isReady = ready.get(60, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        isReady = false;
      }
      if (!isReady) {
        boolean exited = p.waitFor(5, TimeUnit.SECONDS);
        fail(
            "%s: the child did not start (%s); stdout:%n%s%nstderr:%n%s",
            where,
            exited ? "exit code " + p.exitValue() : "still running",
            stdout,
            stderrOf(errFile));
      }
      Thread.sleep(runMillis);
      if (!p.isAlive()) {
        fail(
            "%s: the child exited by itself with %d; stdout:%n%s%nstderr:%n%s",
            where, p.exitValue(), stdout, stderrOf(errFile));
      }
    } finally {
      p.destroyForcibly();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        fail("%s: the killed child did not exit", where);
      }
    }
  }

  private static String stderrOf(Path errFile) throws IOException {
    return Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";
  }

  /**
   * Reads the ack lines. Only the last line may be torn (no final newline, or cut in a field); it
   * is ignored. A malformed line anywhere else fails the test.
   */
  private static List<Ack> readAcks(Path ackFile, String where) throws IOException {
    if (!Files.exists(ackFile)) {
      return new ArrayList<>();
    }
    String text = Files.readString(ackFile, StandardCharsets.US_ASCII);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    // After a final newline the last element is "", else it is a torn line: drop it either way.
    lines.remove(lines.size() - 1);
    List<Ack> acks = new ArrayList<>(lines.size());
    for (String line : lines) {
      String[] f = line.split(" ", -1);
      try {
        if (f.length != 3 || f[1].length() != 2 * Sha256Digest.LENGTH) {
          throw new IllegalArgumentException("bad field count or Alh length");
        }
        int[] keys = Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
        acks.add(new Ack(Long.parseLong(f[0]), Sha256Digest.fromHex(f[1]), keys));
      } catch (IllegalArgumentException e) {
        fail("%s: malformed ack line '%s' in %s: %s", where, line, ackFile, e);
      }
    }
    return acks;
  }
}
