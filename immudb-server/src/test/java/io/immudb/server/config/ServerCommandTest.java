package io.immudb.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.ops.ConfigKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerCommandTest {
  @TempDir Path tmp;

  @Test
  void defaults() {
    ServerConfig c = ServerCommand.parse(new String[0], Map.of());
    assertThat(c.storage().dir()).isEqualTo(Path.of("./data"));
    assertThat(c.network().address()).isEqualTo("0.0.0.0");
    assertThat(c.network().port()).isEqualTo(3322);
    assertThat(c.security().auth()).isTrue();
    assertThat(c.security().adminPassword()).isEqualTo("immudb");
    assertThat(c.network().maxRecvMsgSize()).isEqualTo(33554432);
    assertThat(c.storage().synced()).isTrue();
    assertThat(c.storage().maintenance()).isFalse();
    assertThat(c.security().devMode()).isFalse();
    assertThat(c.security().signingKey()).isEmpty();
    assertThat(c.security().tokenExpiry()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void flags() throws Exception {
    Path key = Files.writeString(tmp.resolve("key.pem"), "pem");
    ServerConfig c =
        ServerCommand.parse(
            new String[] {
              "--dir",
              tmp.resolve("d").toString(),
              "--address",
              "127.0.0.1",
              "--port",
              "4000",
              "--auth=false",
              "--admin-password",
              "S3cret!x",
              "--max-recv-msg-size",
              "1024",
              "--synced",
              "false",
              "--maintenance",
              "--devmode",
              "true",
              "--signingKey",
              key.toString(),
              "--token-expiry",
              "1h30m"
            },
            Map.of());
    assertThat(c.storage().dir()).isEqualTo(tmp.resolve("d"));
    assertThat(c.network().address()).isEqualTo("127.0.0.1");
    assertThat(c.network().port()).isEqualTo(4000);
    assertThat(c.security().auth()).isFalse();
    assertThat(c.security().adminPassword()).isEqualTo("S3cret!x");
    assertThat(c.network().maxRecvMsgSize()).isEqualTo(1024);
    assertThat(c.storage().synced()).isFalse();
    assertThat(c.storage().maintenance()).isTrue();
    assertThat(c.security().devMode()).isTrue();
    assertThat(c.security().signingKey()).contains(key);
    assertThat(c.security().tokenExpiry()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void environmentFillsInAndCommandLineWins() {
    Map<String, String> env =
        Map.of(
            "IMMUDB_PORT", "5000",
            "IMMUDB_MAX_RECV_MSG_SIZE", "2048",
            "IMMUDB_AUTH", "false",
            "IMMUDB_ADMIN_PASSWORD", "fromenv",
            "IMMUDB_TOKEN_EXPIRY", "10m",
            "IMMUDB_DIR", tmp.toString());
    ServerConfig c = ServerCommand.parse(new String[] {"--port", "6000"}, env);
    assertThat(c.network().port()).isEqualTo(6000);
    assertThat(c.network().maxRecvMsgSize()).isEqualTo(2048);
    assertThat(c.security().auth()).isFalse();
    assertThat(c.security().adminPassword()).isEqualTo("fromenv");
    assertThat(c.security().tokenExpiry()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.storage().dir()).isEqualTo(tmp);
  }

  @Test
  void signingKeyFromEnvironment() throws Exception {
    Path key = Files.writeString(tmp.resolve("k.pem"), "pem");
    ServerConfig c =
        ServerCommand.parse(new String[0], Map.of("IMMUDB_SIGNINGKEY", key.toString()));
    assertThat(c.security().signingKey()).contains(key);
  }

  @Test
  void variableNames() {
    var spec = ServerCommand.commandLine().getCommandSpec();
    assertThat(ConfigKeys.variableOf("IMMUDB_", spec.findOption("--max-recv-msg-size")))
        .isEqualTo("IMMUDB_MAX_RECV_MSG_SIZE");
    assertThat(ConfigKeys.variableOf("IMMUDB_", spec.findOption("--signingKey")))
        .isEqualTo("IMMUDB_SIGNINGKEY");
  }

  @Test
  void helpListsEveryFlagWithItsDefault() {
    String help = ServerCommand.usage(Map.of()).replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--dir", "default: ./data")
        .contains("--address", "default: 0.0.0.0")
        .contains("--port", "default: 3322")
        .contains("--auth", "--synced", "--maintenance", "--devmode", "--signingKey")
        .contains("--admin-password", "default: immudb")
        .contains("--max-recv-msg-size", "default: 33554432")
        .contains("--token-expiry", "default: 24h")
        .contains("--help");
    CommandLine cl = ServerCommand.commandLine(Map.of());
    cl.parseArgs("--help");
    assertThat(cl.isUsageHelpRequested()).isTrue();
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--port", "70000"}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("port must be between 0 and 65535");
    assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--port", "-1"}, Map.of()))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(
            () -> ServerCommand.parse(new String[] {"--max-recv-msg-size", "0"}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("max-recv-msg-size must be > 0");
    assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--token-expiry", "soon"}, Map.of()))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("invalid duration");
    assertThatThrownBy(
            () ->
                ServerCommand.parse(
                    new String[] {"--signingKey", tmp.resolve("none.pem").toString()}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("signingKey");
  }

  @Test
  void dirMustBeAWritableDirectory() throws Exception {
    Path file = Files.writeString(tmp.resolve("afile"), "x");
    assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--dir", file.toString()}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a directory");
    assertThatThrownBy(
            () ->
                ServerCommand.parse(
                    new String[] {"--dir", file.resolve("sub").toString()}, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot be created");
  }

  @Test
  void tlsFlagsAndTheirEnvironmentVariables() throws Exception {
    io.immudb.testkit.TestPki.Setup pki = io.immudb.testkit.TestPki.writeSetup(tmp.resolve("pki"));
    ServerConfig plain = ServerCommand.parse(new String[] {"--dir", tmp.toString()}, Map.of());
    assertThat(plain.serverTls()).isEmpty();
    assertThat(plain.tls().mtls()).isFalse();

    ServerConfig c =
        ServerCommand.parse(
            new String[] {"--dir", tmp.toString(), "-m"},
            Map.of(
                "IMMUDB_CERTIFICATE", pki.serverCert().toString(),
                "IMMUDB_PKEY", pki.serverKey().toString(),
                "IMMUDB_CLIENTCAS", pki.caCert().toString()));
    assertThat(c.tls().mtls()).isTrue();
    assertThat(c.tls().certificate()).contains(pki.serverCert());
    assertThat(c.tls().pkey()).contains(pki.serverKey());
    assertThat(c.tls().clientCas()).contains(pki.caCert());
    assertThat(c.serverTls()).hasValueSatisfying(t -> assertThat(t.mutual()).isTrue());

    // Empty variables (as in immudb's service template) mean unset.
    ServerConfig empty =
        ServerCommand.parse(
            new String[] {"--dir", tmp.toString()},
            Map.of("IMMUDB_CERTIFICATE", "", "IMMUDB_PKEY", "", "IMMUDB_MTLS", "false"));
    assertThat(empty.serverTls()).isEmpty();
  }

  @Test
  void tlsFlagErrorsAreConfigErrorsNamingTheFlag() throws Exception {
    Path cert = Files.writeString(tmp.resolve("cert.pem"), "nothing");
    assertThatThrownBy(
            () ->
                ServerCommand.parse(
                    new String[] {"--dir", tmp.toString(), "--certificate", cert.toString()},
                    Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo("pkey"))
        .hasMessage("--certificate needs --pkey: the PEM private key of the server certificate");
    assertThatThrownBy(
            () -> ServerCommand.parse(new String[] {"--dir", tmp.toString(), "--mtls"}, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo("clientcas"))
        .hasMessageStartingWith("--mtls needs --clientcas");
  }
}
