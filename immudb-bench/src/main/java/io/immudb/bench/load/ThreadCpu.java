package io.immudb.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time of this process's threads, by the part of the engine they work for: where a {@code
 * store} run's CPU went (docs/benchmarks.md, the {@code cpu_*} fields of {@code store}). Read from
 * Linux's {@code /proc/self/task}, so RocksDB's own flush and compaction threads count too, which a
 * JVM thread bean does not see. Elsewhere {@link #take} finds nothing and the run reports no
 * breakdown.
 *
 * <p>Threads that ended between two snapshots are not in the later one: their time is the process's
 * total less what the live threads account for, and is reported with {@link Role#COMMITTERS} when
 * the caller measured those itself, else with {@link Role#OTHER}.
 *
 * <p>Public only for its {@link Role}, the key type of a public result; the rest is for this
 * package.
 *
 * <p>Thread-safe (stateless; snapshots are immutable).
 */
public final class ThreadCpu {
  /** Clock ticks per second of {@code /proc} times (Linux's {@code USER_HZ}, 100 on every port). */
  static final double TICKS_PER_SECOND = 100;

  /** What a thread works for, from its name; the keys of {@link StoreResult#cpuSeconds()}. */
  public enum Role {
    COMMITTERS("committers"),
    WRITER("writer"),
    INDEX("index"),
    INDEX_FLUSH("index_flush"),
    INDEX_COMPACTION("index_compaction"),
    GC("gc"),
    JIT("jit"),
    OTHER("other");

    final String jsonName;

    Role(String jsonName) {
      this.jsonName = jsonName;
    }
  }

  /** Per-thread CPU ticks by thread id, and the whole process's. */
  record Snapshot(Map<Long, Task> threads, long processTicks) {}

  /** One thread's name (as the kernel holds it, at most 15 bytes) and CPU ticks. */
  record Task(String name, long ticks) {}

  private ThreadCpu() {}

  /** CPU time of the calling thread in nanoseconds, or -1 where the JVM cannot measure it. */
  static long currentThreadNanos() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : -1;
  }

  /**
   * The role of a thread named {@code name}: the store's commit writer and completer, its index
   * thread, RocksDB's flush ({@code rocksdb:high}) and compaction ({@code rocksdb:low}) pools, the
   * bench's committers, the JVM's collector and compiler threads.
   */
  static Role roleOf(String name) {
    if (name.startsWith("bench-committer")) {
      return Role.COMMITTERS;
    }
    if (name.startsWith("immudb-writer") || name.startsWith("immudb-complete")) {
      return Role.WRITER;
    }
    if (name.startsWith("immudb-indexer")) {
      return Role.INDEX;
    }
    if (name.equals("rocksdb:high")) {
      return Role.INDEX_FLUSH;
    }
    if (name.startsWith("rocksdb:")) {
      return Role.INDEX_COMPACTION;
    }
    if (name.startsWith("GC Thread")) {
      return Role.GC;
    }
    if (name.contains("CompilerThre")) {
      return Role.JIT;
    }
    return Role.OTHER;
  }

  /** The CPU ticks of every live thread of this process, or empty where /proc has none. */
  static Optional<Snapshot> take() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return Optional.empty();
    }
    Map<Long, Task> threads = new HashMap<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
      for (Path task : dir) {
        try {
          String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
          long ticks = ticks(Files.readString(task.resolve("stat"), StandardCharsets.UTF_8));
          threads.put(Long.parseLong(task.getFileName().toString()), new Task(name, ticks));
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read: the process total still has its time
        }
      }
      long process = ticks(Files.readString(Path.of("/proc/self/stat"), StandardCharsets.UTF_8));
      return Optional.of(new Snapshot(Map.copyOf(threads), process));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * User plus system ticks from a {@code stat} line (fields 14 and 15, counted after the
   * parenthesised name, which may itself hold spaces and parentheses).
   */
  static long ticks(String statLine) {
    String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).strip().split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /**
   * CPU seconds by role between two snapshots of one process. {@code committersSeconds}, if not
   * negative, is the committers' CPU measured by the caller (their threads end before {@code
   * after}); the rest of the time of ended threads goes to {@link Role#OTHER}. Every role is in the
   * map; the values add up to the process's total.
   */
  static Map<Role, Double> seconds(Snapshot before, Snapshot after, double committersSeconds) {
    Map<Role, Double> out = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      out.put(r, 0.0);
    }
    long live = 0;
    for (Map.Entry<Long, Task> e : after.threads().entrySet()) {
      Task was = before.threads().get(e.getKey());
      long d = e.getValue().ticks() - (was == null ? 0 : was.ticks());
      if (d > 0) {
        out.merge(roleOf(e.getValue().name()), d / TICKS_PER_SECOND, Double::sum);
        live += d;
      }
    }
    double ended = Math.max(0, after.processTicks() - before.processTicks() - live);
    ended /= TICKS_PER_SECOND;
    if (committersSeconds >= 0) {
      double c = Math.min(committersSeconds, ended);
      out.merge(Role.COMMITTERS, c, Double::sum);
      ended -= c;
    }
    out.merge(Role.OTHER, ended, Double::sum);
    return out;
  }
}
