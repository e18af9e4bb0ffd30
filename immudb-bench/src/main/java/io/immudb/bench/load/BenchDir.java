package io.immudb.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The directory a benchmark runs in: either one the user named, kept afterwards, or a fresh
 * temporary one, deleted by {@link #close()}.
 *
 * <p>Not thread-safe; owned by the load (or JMH state) that created it.
 */
public final class BenchDir implements AutoCloseable {
  private final Path path;
  private final boolean temporary;

  private BenchDir(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  /** {@code dir} itself (created if missing), or a new temporary directory if it is null. */
  public static BenchDir of(Path dir) throws IOException {
    if (dir == null) {
      return new BenchDir(Files.createTempDirectory("immudb-bench-"), true);
    }
    Files.createDirectories(dir);
    return new BenchDir(dir, false);
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    if (!temporary || !Files.exists(path)) {
      return;
    }
    try (Stream<Path> s = Files.walk(path)) {
      s.sorted(Comparator.reverseOrder()).forEach(BenchDir::delete);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
