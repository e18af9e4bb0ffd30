package io.immudb.gw;

import io.immudb.cli.audit.AuditorOptions;
import io.immudb.ops.ServiceDefinition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@value #NAME} systemd service: {@code bin/immugw --config }{@value #CONFIG} as user {@value
 * #USER}, trusted states in {@value #ROOTS_DIR}, output in the journal. The configuration file
 * written on install holds the settings in effect when {@code immugw service install} ran (it may
 * hold the audit password, so it is readable by root and the service's group only, as {@link
 * io.immudb.ops.ServiceInstaller} writes it). Stateless.
 */
final class GatewayService {
  static final String NAME = "immugw";
  static final String USER = "immugw";
  static final String CONFIG = "/etc/immudb/immugw.toml";
  static final String HOME_DIR = "/var/lib/immugw";
  static final String ROOTS_DIR = HOME_DIR + "/roots";
  static final long LIMIT_NOFILE = 4096;

  private GatewayService() {}

  /** The service's definition, running {@code launcher} with {@code o}'s settings. */
  static ServiceDefinition definition(Path launcher, GatewayOptions o, Path signingKey) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("IMMUDB_NO_BUILD", "1"); // the service account cannot (and must not) build
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return new ServiceDefinition(
        NAME,
        "immugw: the verifying REST gateway of an immudb server",
        USER,
        List.of(launcher.toString(), "--config", CONFIG),
        env,
        Path.of(HOME_DIR),
        Path.of(CONFIG),
        configContent(settings(o, signingKey)),
        List.of(Path.of(HOME_DIR)),
        Path.of(HOME_DIR, "console.log"), // unused: systemd keeps the output in its journal
        LIMIT_NOFILE);
  }

  /** The file's settings: {@code o}'s, with the service's own states directory; nulls left out. */
  static Map<String, Object> settings(GatewayOptions o, Path signingKey) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("address", o.address());
    m.put("port", o.port());
    m.put("immudb-address", o.immudbAddress());
    m.put("immudb-port", o.immudbPort());
    m.put("roots-filepath", ROOTS_DIR);
    m.put("server-signing-pub-key", abs(signingKey));
    m.put("max-recv-msg-size", o.maxRecvMsgSize());
    m.put("metrics-port", o.metricsPort());
    UpstreamTls t = o.upstreamTls();
    m.put("tls", t.tls());
    m.put("mtls", t.mtls());
    m.put("servername", t.serverName());
    m.put("certificate", abs(t.certificate()));
    m.put("pkey", abs(t.pkey()));
    m.put("clientcas", abs(t.clientCas()));
    AuditorOptions a = o.audit();
    m.put("audit", a != null);
    if (a != null) {
      m.put("audit-username", a.username());
      m.put("audit-password", a.password());
      m.put("audit-databases", a.databases().isEmpty() ? null : String.join(",", a.databases()));
      long ms = a.interval().toMillis();
      m.put("audit-interval", ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms");
      m.put("audit-signature", a.validateSignatures() ? "validate" : "ignore");
    }
    return m;
  }

  private static String abs(Path p) {
    return p == null ? null : p.toAbsolutePath().normalize().toString();
  }

  /** One {@code key = value} line per setting, after a header; strings as TOML basic strings. */
  static String configContent(Map<String, Object> settings) {
    StringBuilder b =
        new StringBuilder(
            "# immugw configuration for the "
                + NAME
                + " service, written by `immugw service install`.\n"
                + "# Keys are the long flag names without their dashes (see `immugw --help`).\n"
                + "# Readable by root and the "
                + USER
                + " group only: it may hold the audit password.\n");
    for (Map.Entry<String, Object> e : settings.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      String literal =
          v instanceof Number || v instanceof Boolean ? v.toString() : quote(v.toString());
      b.append(e.getKey()).append(" = ").append(literal).append('\n');
    }
    return b.toString();
  }

  /** {@code s} as a TOML basic string. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
