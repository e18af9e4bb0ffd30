package io.immudb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL installation: the directory holding {@code initdb}, {@code pg_ctl}, {@code
 * postgres}, {@code psql} and {@code pgbench}. By default the newest of Debian's (and Ubuntu's)
 * {@code /usr/lib/postgresql/<version>/bin}.
 *
 * <p>Thread-safe (immutable).
 */
public record PostgresInstall(Path bin) {
  /** Where Debian's packages put each major version: {@code <root>/<version>/bin}. */
  public static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

  /** How to install what the comparison needs on Debian or Ubuntu. */
  public static final String APT_GET =
      "apt-get update && apt-get install -y --no-install-recommends postgresql postgresql-contrib";

  static final List<String> TOOLS = List.of("initdb", "pg_ctl", "postgres", "psql", "pgbench");

  /**
   * The installation in {@code bin}, or if it is null, the newest one under {@code root}.
   *
   * @throws MissingPrerequisiteException if there is none, or a tool is missing from it
   */
  public static PostgresInstall locate(Path bin, Path root) {
    Path dir = bin;
    if (dir == null) {
      dir =
          newest(root)
              .orElseThrow(
                  () ->
                      new MissingPrerequisiteException(
                          "PostgreSQL is not installed: no "
                              + root
                              + "/*/bin/pg_ctl. Install it with `"
                              + APT_GET
                              + "`, or give its bin directory with --pg-bin DIR"));
    }
    for (String tool : TOOLS) {
      if (!Files.isExecutable(dir.resolve(tool))) {
        throw new MissingPrerequisiteException(
            "PostgreSQL's "
                + tool
                + " is missing from "
                + dir
                + " (needs "
                + String.join(", ", TOOLS)
                + "); on Debian or Ubuntu: `"
                + APT_GET
                + "`");
      }
    }
    return new PostgresInstall(dir);
  }

  /** The newest {@code root/<version>/bin} that holds {@code pg_ctl}, by numeric version. */
  static Optional<Path> newest(Path root) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(d -> Files.isExecutable(d.resolve("bin").resolve("pg_ctl")))
          .max(Comparator.comparing(d -> d.getFileName().toString(), PostgresInstall::compare))
          .map(d -> d.resolve("bin"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Compares versions like {@code 9.6} and {@code 15} by their numeric parts, left to right. */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long u = i < x.length ? number(x[i]) : 0;
      long v = i < y.length ? number(y[i]) : 0;
      if (u != v) {
        return Long.compare(u, v);
      }
    }
    return a.compareTo(b);
  }

  private static long number(String s) {
    String digits = s.replaceAll("\\D.*", "");
    return digits.isEmpty()
        ? -1
        : Long.parseLong(digits.substring(0, Math.min(digits.length(), 9)));
  }

  /** The path of {@code tool} (one of {@link #TOOLS}). */
  Path tool(String tool) {
    return bin.resolve(tool);
  }

  /** The server's version line, e.g. {@code PostgreSQL 15.18 (Debian 15.18-0+deb12u1)}. */
  String version(Path workDir) {
    String v =
        ExternalCommand.check(List.of(tool("postgres").toString(), "--version"), workDir, 30);
    return v.strip().replaceFirst("^postgres \\(PostgreSQL\\)", "PostgreSQL");
  }
}
