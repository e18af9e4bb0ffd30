package io.immudb.gw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** immugw's command line: flags, {@code IMMUGW_*} variables, the sample file, usage errors. */
class ImmugwTest {
  private static final Path SAMPLE = Path.of("..", "configs", "immugw.toml");

  private record Run(int status, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Immugw.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            GatewayCommand.PROFILE.withSearchPath(List.of()));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The options {@code args} and {@code env} give, with the sample file's defaults. */
  private static GatewayOptions options(Map<String, String> env, String... args) {
    GatewayCommand c = new GatewayCommand();
    CommandLine cl = new CommandLine(c);
    io.immudb.ops.ToolConfig config =
        io.immudb.ops.ToolConfig.install(
            cl, GatewayCommand.PROFILE.withSearchPath(List.of(SAMPLE)), args, env, w -> {});
    assertThat(config.error()).isEmpty();
    cl.parseArgs(args);
    return c.options();
  }

  @Test
  void helpAndVersion() {
    Run help = run(Map.of(), "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("Usage: immugw", "--immudb-address", "--audit", "--mtls");
    Run version = run(Map.of(), "version");
    assertThat(version.status()).isZero();
    assertThat(version.out()).startsWith("immugw ");
  }

  @Test
  void theSampleFileHoldsTheDefaultsAndFlagsAndVariablesWin() {
    GatewayOptions d = options(Map.of());
    assertThat(d.port()).isEqualTo(3323);
    assertThat(d.immudbAddress()).isEqualTo("127.0.0.1");
    assertThat(d.immudbPort()).isEqualTo(3322);
    assertThat(d.metricsPort()).isEqualTo(9476);
    assertThat(d.audit()).isNull();
    assertThat(d.upstreamTls().enabled()).isFalse();

    GatewayOptions o =
        options(
            Map.of("IMMUGW_IMMUDB_PORT", "4000", "IMMUGW_PORT", "5000"),
            "--port",
            "6000",
            "--audit",
            "--audit-password",
            "enc:" + Rest.b64("secret"),
            "--audit-interval",
            "10s");
    assertThat(o.immudbPort()).isEqualTo(4000);
    assertThat(o.port()).isEqualTo(6000);
    assertThat(o.audit().password()).isEqualTo("secret");
    assertThat(o.audit().interval()).hasSeconds(10);
    assertThat(o.audit().statesDir()).isEqualTo(o.rootsDir().resolve("audit"));
  }

  @Test
  void badSettingsAreUsageErrors() {
    Run badVar = run(Map.of("IMMUGW_IMMUDB_PORT", "many"), "--port", "0");
    assertThat(badVar.status()).isEqualTo(2);
    assertThat(badVar.err()).contains("IMMUGW_IMMUDB_PORT");

    Run noPassword = run(Map.of(), "--audit");
    assertThat(noPassword.status()).isEqualTo(2);
    assertThat(noPassword.err()).contains("--audit-password");

    Run tlsAudit = run(Map.of(), "--audit", "--audit-password", "x", "--tls");
    assertThat(tlsAudit.status()).isEqualTo(2);
    assertThat(tlsAudit.err()).contains("--audit does not support");

    Run signature =
        run(Map.of(), "--audit", "--audit-password", "x", "--audit-signature", "validate");
    assertThat(signature.status()).isEqualTo(2);
    assertThat(signature.err()).contains("--server-signing-pub-key");
  }

  @Test
  void serviceInstallWritesTheUnitAndTheSettingsInEffect(@TempDir Path root) throws Exception {
    Run install =
        run(
            Map.of("IMMUGW_IMMUDB_ADDRESS", "db.internal"),
            "--immudb-port",
            "4000",
            "service",
            "install",
            "--root",
            root.toString(),
            "--executable",
            "/opt/immudb/bin/immugw");
    assertThat(install.status()).as(install.err()).isZero();
    String unit = Files.readString(root.resolve("etc/systemd/system/immugw.service"));
    assertThat(unit).contains("ExecStart=/opt/immudb/bin/immugw --config /etc/immudb/immugw.toml");
    assertThat(unit).contains("User=immugw");
    String config = Files.readString(root.resolve("etc/immudb/immugw.toml"));
    assertThat(config)
        .contains("immudb-address = \"db.internal\"")
        .contains("immudb-port = 4000")
        .contains("roots-filepath = \"/var/lib/immugw/roots\"");
    assertThat(install.out()).contains("systemctl");
  }

  @Test
  void detachedDropsOnlyItsOwnFlag() {
    assertThat(
            Immugw.withoutDetach(
                new String[] {"-d", "--port", "1", "--detached", "true", "-k", "h"}))
        .containsExactly("--port", "1", "-k", "h");
  }
}
