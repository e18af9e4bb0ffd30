package io.immudb.ops;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/** A command shaped like the tools': own options, an inherited mixin, a subcommand. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersionProvider.class,
    subcommands = {VersionCommand.class, SampleCommand.Get.class})
class SampleCommand implements Runnable {
  @Option(
      names = {"-p", "--port"},
      defaultValue = "3322")
  int port;

  @Option(names = "--auth", arity = "0..1", fallbackValue = "true", defaultValue = "true")
  boolean auth;

  @Option(names = "--max-recv-msg-size", defaultValue = "100")
  long maxRecvMsgSize;

  @Option(names = "--signingKey")
  Path signingKey;

  @Option(names = "--token-expiry", defaultValue = "24h", converter = Hours.class)
  Duration tokenExpiry;

  @Option(
      names = {"--monitoring-port", "--prometheus-port"},
      defaultValue = "9477")
  int monitoringPort;

  @Option(names = "--config", scope = ScopeType.INHERIT)
  Path config;

  @Mixin Shared shared;

  @Override
  public void run() {}

  /** Options every subcommand takes too. */
  static class Shared {
    @Option(names = "--immudb-address", defaultValue = "127.0.0.1", scope = ScopeType.INHERIT)
    String address;
  }

  @Command(name = "get", mixinStandardHelpOptions = true)
  static class Get implements Runnable {
    @Option(names = "--limit", defaultValue = "10")
    int limit;

    @Override
    public void run() {}
  }

  /** Whole hours only, as in {@code 5h}. */
  static final class Hours implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      if (!value.matches("\\d+h")) {
        throw new TypeConversionException("invalid duration '" + value + "'");
      }
      return Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
    }
  }
}
