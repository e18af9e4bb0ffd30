package io.immudb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.cli.Console;
import io.immudb.cli.Immuclient;
import io.immudb.ops.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The flags of {@code immuclient audit-mode}: parsing, defaults and validation. */
class AuditCommandTest {
  /** Parses {@code immuclient args…} and returns the audit-mode command's validated options. */
  private static AuditorOptions parse(String... args) {
    CommandLine cl = new CommandLine(new Immuclient(Console.system()));
    cl.parseArgs(args);
    return ((AuditCommand) cl.getSubcommands().get("audit-mode").getCommand()).options();
  }

  private static AuditorOptions audit(String... flags) {
    List<String> args = new ArrayList<>(List.of("audit-mode", "--audit-password", "pw"));
    args.addAll(List.of(flags));
    return parse(args.toArray(String[]::new));
  }

  @Test
  void defaults() {
    AuditorOptions o = audit();
    assertThat(o.serverAddress()).isEqualTo("127.0.0.1:3322");
    assertThat(o.username()).isEqualTo("immudb");
    assertThat(o.password()).isEqualTo("pw");
    assertThat(o.databases()).isEmpty();
    assertThat(o.interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.validateSignatures()).isFalse();
    assertThat(o.verifyValues()).isFalse();
    assertThat(o.notificationUrl()).isNull();
    assertThat(o.monitoringHost()).isEqualTo("0.0.0.0");
    assertThat(o.monitoringPort()).isEqualTo(9477);
    assertThat(o.rounds()).isZero();
    assertThat(o.statesDir())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".immudb", "audit-roots"));
    assertThat(o.json()).isFalse();
    assertThat(o.toString()).doesNotContain("pw");
  }

  @Test
  void everyFlag() {
    AuditorOptions o =
        parse(
            "-a",
            "db.example",
            "audit-mode",
            "-p",
            "3323",
            "--roots-filepath",
            "/var/lib/auditor",
            "--server-signing-pub-key",
            "/etc/immudb/pub.pem",
            "--output",
            "json",
            "--audit-username",
            "auditor",
            "--audit-password",
            "enc:c2VjcmV0IQ==",
            "--audit-databases",
            "defaultdb, db2",
            "--audit-interval",
            "1m30s",
            "--audit-signature",
            "validate",
            "--audit-verify-values",
            "--audit-notification-url",
            "https://alerts.example/hook",
            "--audit-notification-username",
            "alert",
            "--audit-notification-password",
            "x",
            "--prometheus-host",
            "127.0.0.1",
            "--audit-monitoring-port",
            "0",
            "--audit-rounds",
            "3");
    assertThat(o.serverAddress()).isEqualTo("db.example:3323");
    assertThat(o.statesDir()).isEqualTo(Path.of("/var/lib/auditor"));
    assertThat(o.serverSigningPubKey()).isEqualTo(Path.of("/etc/immudb/pub.pem"));
    assertThat(o.json()).isTrue();
    assertThat(o.username()).isEqualTo("auditor");
    assertThat(o.password()).isEqualTo("secret!");
    assertThat(o.databases()).containsExactly("defaultdb", "db2");
    assertThat(o.interval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(o.verifyValues()).isTrue();
    assertThat(o.notificationUrl()).hasToString("https://alerts.example/hook");
    assertThat(o.notificationUsername()).isEqualTo("alert");
    assertThat(o.monitoringHost()).isEqualTo("127.0.0.1");
    assertThat(o.monitoringPort()).isZero();
    assertThat(o.rounds()).isEqualTo(3);
  }

  @Test
  void ignoreDoesNotCheckSignaturesEvenWithAKey() {
    assertThat(audit("--server-signing-pub-key", "k.pem").validateSignatures()).isFalse();
    assertThat(
            audit("--server-signing-pub-key", "k.pem", "--audit-signature", "VALIDATE")
                .serverSigningPubKey())
        .isEqualTo(Path.of("k.pem"));
  }

  @Test
  void durations() {
    assertThat(DurationConverter.parse("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(DurationConverter.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationConverter.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationConverter.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
    for (String bad : List.of("", "5", "5x", "s", "1m 2s", "-5s", "PTx")) {
      assertThatThrownBy(() -> DurationConverter.parse(bad))
          .as(bad)
          .isInstanceOf(CommandLine.TypeConversionException.class)
          .hasMessageContaining("invalid duration");
    }
    assertThatThrownBy(() -> audit("--audit-interval", "soon"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--audit-interval");
  }

  @Test
  void invalidFlagsAreRejectedNamingTheFlag() {
    assertInvalid(parseWithoutPassword(), "--audit-password is required");
    assertInvalid(() -> parse("audit-mode", "--audit-password", "enc:%%%"), "--audit-password");
    assertInvalid(() -> audit("--audit-username", ""), "--audit-username");
    assertInvalid(() -> audit("--audit-interval", "0s"), "--audit-interval must be positive");
    assertInvalid(
        () -> audit("--audit-signature", "validate"),
        "--audit-signature validate needs the server's public key in --server-signing-pub-key");
    assertInvalid(() -> audit("--audit-signature", "maybe"), "--audit-signature");
    assertInvalid(() -> audit("--audit-databases", "a,b/c"), "--audit-databases");
    assertInvalid(() -> audit("--audit-notification-url", "ftp://x/y"), "--audit-notification-url");
    assertInvalid(
        () -> audit("--audit-notification-url", "http://a b"), "--audit-notification-url");
    assertInvalid(
        () -> audit("--audit-notification-url", "http://x/y", "--audit-notification-username", "u"),
        "go together");
    assertInvalid(
        () -> audit("--audit-notification-username", "u", "--audit-notification-password", "p"),
        "needs --audit-notification-url");
    assertInvalid(() -> audit("--audit-monitoring-port", "70000"), "--audit-monitoring-port");
    assertInvalid(() -> audit("--audit-rounds", "-1"), "--audit-rounds");
    assertInvalid(() -> audit("--output", "yaml"), "--output");
    assertInvalid(() -> audit("-p", "0"), "--immudb-port");
  }

  private static Runnable parseWithoutPassword() {
    return () -> parse("audit-mode");
  }

  private static void assertInvalid(Runnable r, String message) {
    assertThatThrownBy(r::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void passwordsMayBeBase64WithEncPrefix() {
    assertThat(AuditorOptions.decodePassword("plain")).isEqualTo("plain");
    assertThat(AuditorOptions.decodePassword("enc:aW1tdWRi")).isEqualTo("immudb");
    assertThat(AuditorOptions.decodePassword(null)).isNull();
  }
}
