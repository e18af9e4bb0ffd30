package io.immudb.ops;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A configuration file that cannot be used: missing, not valid TOML, an unknown key, or a value its
 * option cannot take. The message is one line naming the file (and the key, if one is at fault),
 * e.g. {@code config file /etc/immudb/immudb.toml, key 'port': invalid value 'abc': 'abc' is not an
 * int}. Tools report it as a usage error (exit status 2).
 */
public final class ConfigFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String key;

  /**
   * @param file the configuration file
   * @param key the key at fault as written in the file, or {@code null} for the whole file
   * @param problem what is wrong, for a human
   */
  public ConfigFileException(Path file, String key, String problem) {
    super(
        "config file "
            + Objects.requireNonNull(file, "file")
            + (key == null ? "" : ", key '" + key + "'")
            + ": "
            + Objects.requireNonNull(problem, "problem"));
    this.file = file;
    this.key = key;
  }

  /** The configuration file at fault. */
  public Path file() {
    return file;
  }

  /** The key at fault as written in the file; empty when the file as a whole is. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }
}
