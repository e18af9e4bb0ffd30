package io.immudb.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * What this build is: the project version, the immudb protocol version it speaks, the git commit
 * and the build time, as recorded in {@code build-info.properties} by the Maven build (git commit
 * by git-commit-id-maven-plugin, time from {@code maven.build.timestamp}). Anything the build did
 * not know (no {@code .git} directory, a run from an IDE without resource filtering) reads {@value
 * #UNKNOWN}. Immutable.
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param apiVersion the immudb protocol version served and spoken, e.g. {@code 1.1.0}
 * @param commit the abbreviated commit id, with {@code -dirty} if the tree had local changes
 * @param buildTime when the build ran, UTC ISO-8601
 */
public record BuildInfo(String version, String apiVersion, String commit, String buildTime) {
  /** The value of anything the build did not record. */
  public static final String UNKNOWN = "unknown";

  private static final String RESOURCE = "build-info.properties";

  /** The information of the running build. */
  public static BuildInfo current() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return from(p);
  }

  /** The information in {@code p}; unfilled ({@code ${...}}) or missing values are unknown. */
  static BuildInfo from(Properties p) {
    String commit = value(p, "commit");
    if (!commit.equals(UNKNOWN) && value(p, "dirty").equals("true")) {
      commit += "-dirty";
    }
    return new BuildInfo(
        value(p, "version"), value(p, "api.version"), commit, value(p, "build.time"));
  }

  private static String value(Properties p, String key) {
    String v = p.getProperty(key);
    return v == null || v.isBlank() || v.contains("${") ? UNKNOWN : v.trim();
  }

  /** The Java runtime this process runs on, e.g. {@code 17.0.15+6 (Eclipse Adoptium)}. */
  public static String java() {
    return Runtime.version() + " (" + System.getProperty("java.vendor", UNKNOWN) + ")";
  }

  /**
   * What {@code <tool> version} prints, one element per line:
   *
   * <pre>
   * immudb 0.1.0-SNAPSHOT
   * Protocol : immudb 1.1.0
   * Commit   : 0123456789ab
   * Built at : 2025-01-31T12:00:00Z
   * Java     : 17.0.15+6 (Eclipse Adoptium)
   * </pre>
   */
  public List<String> lines(String tool) {
    return List.of(
        tool + " " + version,
        "Protocol : immudb " + apiVersion,
        "Commit   : " + commit,
        "Built at : " + buildTime,
        "Java     : " + java());
  }
}
