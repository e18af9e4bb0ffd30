package io.immudb.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What a benchmark directory holds, as kept in its {@code bench-keys.properties}: the length of its
 * sequential keys ({@link SequentialKeys}), how many of them were written through the data model
 * ({@code dataModelCount}: keys {@code [0, dataModelCount)} are readable with {@code Database.get})
 * and how many as raw store keys ({@code rawCount}). Random keys are not counted.
 *
 * <p>Thread-safe (immutable). Requires {@code keyLen ≥ 0} (0 only while both counts are 0) and
 * counts ≥ 0.
 */
public record BenchKeys(int keyLen, long dataModelCount, long rawCount) {
  /** Name of the file in the benchmark directory. */
  public static final String FILE = "bench-keys.properties";

  private static final BenchKeys NONE = new BenchKeys(0, 0, 0);

  public BenchKeys {
    if (keyLen < 0 || dataModelCount < 0 || rawCount < 0) {
      throw new IllegalArgumentException("negative field in " + FILE);
    }
    if (keyLen == 0 && (dataModelCount > 0 || rawCount > 0)) {
      throw new IllegalArgumentException(FILE + " counts keys but has no key length");
    }
  }

  /** The keys recorded in {@code dir}, or none if it has no {@value #FILE}. */
  public static BenchKeys load(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) {
      return NONE;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(f)) {
      p.load(in);
    }
    try {
      return new BenchKeys(
          Integer.parseInt(p.getProperty("key.len", "0")),
          Long.parseLong(p.getProperty("keys.count", "0")),
          Long.parseLong(p.getProperty("raw.count", "0")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unreadable " + f + ": " + e.getMessage(), e);
    }
  }

  /** Writes these keys to {@code dir}, replacing the file atomically. */
  public void save(Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("key.len", Integer.toString(keyLen));
    p.setProperty("key.format", keyLen == 0 ? "" : SequentialKeys.pattern(keyLen));
    p.setProperty("keys.count", Long.toString(dataModelCount));
    p.setProperty("raw.count", Long.toString(rawCount));
    Path tmp = dir.resolve(FILE + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      p.store(out, "written by immudb-bench; keys.count = data-model keys readable by `read`");
    }
    Files.move(
        tmp,
        dir.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The key length new sequential keys must use: {@code wanted} when nothing is recorded yet, else
   * the recorded one, which must equal {@code wanted}.
   */
  public int keyLenFor(int wanted) {
    if (keyLen != 0 && keyLen != wanted && (dataModelCount > 0 || rawCount > 0)) {
      throw new IllegalArgumentException(
          "this directory holds " + keyLen + "-byte sequential keys; pass --key-len " + keyLen);
    }
    return wanted;
  }

  /** These keys plus {@code n} more, of length {@code len}, of the data model or raw. */
  public BenchKeys plus(long n, int len, boolean dataModel) {
    return dataModel
        ? new BenchKeys(len, Math.addExact(dataModelCount, n), rawCount)
        : new BenchKeys(len, dataModelCount, Math.addExact(rawCount, n));
  }
}
