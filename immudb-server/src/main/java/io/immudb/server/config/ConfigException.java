package io.immudb.server.config;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/** A server setting with a value that can never work, e.g. a port outside [0, 65535]. */
public final class ConfigException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final String setting;

  /**
   * @param setting the flag name without dashes, e.g. {@code port}
   * @param message what is wrong, for a human
   */
  public ConfigException(String setting, String message) {
    super(ErrorCode.INVALID_ARGUMENT, message);
    this.setting = setting;
  }

  /** The flag name without dashes, e.g. {@code port}. */
  public String setting() {
    return setting;
  }
}
