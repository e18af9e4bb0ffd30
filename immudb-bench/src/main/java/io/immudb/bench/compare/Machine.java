package io.immudb.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a comparison ran on, for the report: CPU model, cores, RAM, OS, kernel, the Java and
 * PostgreSQL versions, when, and how busy the machine was when the run started (its other work
 * takes cores from both systems). Read from {@code /proc} and {@code /etc/os-release} where they
 * exist, else from the JVM's system properties.
 *
 * <p>Thread-safe (immutable).
 *
 * @param cores the processors this JVM may use
 * @param ramBytes total memory, or 0 if unknown
 * @param loadAverage the 1, 5 and 15 minute load averages at the start, or {@code "unknown"}
 */
public record Machine(
    String cpu,
    int cores,
    long ramBytes,
    String os,
    String kernel,
    String java,
    String postgres,
    Instant date,
    String loadAverage) {

  /** This machine, now. */
  static Machine describe(String postgresVersion) {
    return new Machine(
        cpuModel(lines(Path.of("/proc/cpuinfo"))),
        Runtime.getRuntime().availableProcessors(),
        memTotalBytes(lines(Path.of("/proc/meminfo"))),
        osName(lines(Path.of("/etc/os-release"))),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        postgresVersion,
        Instant.now(),
        loadAverage(lines(Path.of("/proc/loadavg"))));
  }

  /** The first {@code model name} of {@code /proc/cpuinfo}, else the JVM's architecture. */
  static String cpuModel(List<String> cpuinfo) {
    for (String l : cpuinfo) {
      if (l.startsWith("model name")) {
        int colon = l.indexOf(':');
        if (colon >= 0) {
          return l.substring(colon + 1).strip();
        }
      }
    }
    return "unknown (" + System.getProperty("os.arch") + ")";
  }

  /** {@code MemTotal} of {@code /proc/meminfo} in bytes, or 0 if it isn't there. */
  static long memTotalBytes(List<String> meminfo) {
    for (String l : meminfo) {
      if (l.startsWith("MemTotal:")) {
        String[] f = l.substring("MemTotal:".length()).strip().split("\\s+");
        try {
          long n = Long.parseLong(f[0]);
          return f.length > 1 && f[1].equalsIgnoreCase("kB") ? n * 1024 : n;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  /** The first three fields of {@code /proc/loadavg}, e.g. {@code "1.52 0.90 0.61"}. */
  static String loadAverage(List<String> loadavg) {
    if (loadavg.isEmpty()) {
      return "unknown";
    }
    String[] f = loadavg.get(0).strip().split("\\s+");
    return f.length < 3 ? "unknown" : f[0] + " " + f[1] + " " + f[2];
  }

  /** {@code PRETTY_NAME} of {@code /etc/os-release}, else the JVM's OS name. */
  static String osName(List<String> osRelease) {
    for (String l : osRelease) {
      if (l.startsWith("PRETTY_NAME=")) {
        return l.substring("PRETTY_NAME=".length()).replaceAll("^\"|\"$", "");
      }
    }
    return System.getProperty("os.name");
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** RAM for people: {@code "23.4 GiB"}, or {@code "unknown"}. */
  public String ram() {
    return ramBytes == 0
        ? "unknown"
        : String.format(Locale.ROOT, "%.1f GiB", ramBytes / (1024.0 * 1024 * 1024));
  }

  /** The date for people: {@code "2026-12-06 07:41 UTC"}. */
  public String dateUtc() {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
        .format(date.atOffset(ZoneOffset.UTC));
  }

  /** Label and value of each field, in report order. */
  public List<Map.Entry<String, String>> rows() {
    return List.of(
        Map.entry("CPU", cpu),
        Map.entry("Cores", Integer.toString(cores)),
        Map.entry("RAM", ram()),
        Map.entry("OS", os),
        Map.entry("Kernel", kernel),
        Map.entry("Java", java),
        Map.entry("PostgreSQL", postgres),
        Map.entry("Date", dateUtc()),
        Map.entry("Load average at start (1, 5, 15 min)", loadAverage));
  }
}
