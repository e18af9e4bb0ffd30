package io.immudb.embedded.internal.settings;

/**
 * A size in bytes given by a JVM system property, such as the capacity of a cache that every store
 * of the process shares.
 *
 * <p>Thread-safe (stateless).
 */
public final class ByteCountProperty {
  private ByteCountProperty() {}

  /**
   * The byte count that value {@code v} of system property {@code name} gives: {@code dflt} if
   * {@code v} is null or blank, else {@code v} as a decimal number ≥ 0.
   *
   * @throws IllegalArgumentException naming the property and the value, if {@code v} is neither
   */
  public static long parse(String name, String v, long dflt) {
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      long bytes = Long.parseLong(v.trim());
      if (bytes >= 0) {
        return bytes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a number of bytes >= 0, got \"" + v + "\"");
  }
}
