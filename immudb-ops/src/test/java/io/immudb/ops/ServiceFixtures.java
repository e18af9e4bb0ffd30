package io.immudb.ops;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixed service definitions shaped like immudb's, for the renderer and installer tests. */
final class ServiceFixtures {
  private ServiceFixtures() {}

  /**
   * immudb's service as {@code immudb service install} defines it on {@code init}'s system, with a
   * fixed launcher ({@code /opt/immudb/bin/immudb}) and Java.
   */
  static ServiceDefinition immudbLike(InitSystem init) {
    Path config;
    Path data;
    Path logs;
    switch (init) {
      case SYSTEMD -> {
        config = Path.of("/etc/immudb/immudb.toml");
        data = Path.of("/var/lib/immudb");
        logs = Path.of("/var/log/immudb");
      }
      case LAUNCHD -> {
        config = Path.of("/usr/local/etc/immudb/immudb.toml");
        data = Path.of("/usr/local/var/lib/immudb");
        logs = Path.of("/usr/local/var/log/immudb");
      }
      default -> {
        config = Path.of("/usr/local/etc/immudb/immudb.toml");
        data = Path.of("/var/db/immudb");
        logs = Path.of("/var/log/immudb");
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("IMMUDB_NO_BUILD", "1");
    env.put("JAVA_HOME", "/usr/lib/jvm/java-17");
    return new ServiceDefinition(
        "immudb",
        "immudb: immutable database",
        "immu",
        List.of("/opt/immudb/bin/immudb", "--config", config.toString()),
        env,
        data,
        config,
        "dir = \"" + data + "\"\n",
        List.of(data, logs),
        logs.resolve("console.log"),
        65536);
  }
}
