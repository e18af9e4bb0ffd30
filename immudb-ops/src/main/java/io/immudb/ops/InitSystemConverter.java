package io.immudb.ops;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --init systemd|launchd|rcd} (any case) into an {@link InitSystem}; an unknown name
 * is a usage error. Stateless and thread-safe.
 */
public final class InitSystemConverter implements ITypeConverter<InitSystem> {
  @Override
  public InitSystem convert(String value) {
    try {
      return InitSystem.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
