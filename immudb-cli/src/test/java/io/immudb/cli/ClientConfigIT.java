package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/immuclient} and {@code bin/immuadmin} (child processes, run from a scratch
 * directory with no {@code IMMUCLIENT_*} / {@code IMMUADMIN_*} variables) reading the server's port
 * from their configuration files.
 */
class ClientConfigIT {

  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();

  private ToolRun run(String tool, Map<String, String> extraEnv, String... args) throws Exception {
    ProcessBuilder pb = ToolRun.launcher(tool, List.of(args)).directory(tmp.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("IMMUCLIENT_") || k.startsWith("IMMUADMIN_"));
    env.putAll(extraEnv);
    return ToolRun.run(pb, tmp, null, Duration.ofSeconds(60));
  }

  @Test
  void immuclientReadsItsPortFromConfigsImmuclientToml() throws Exception {
    Path configs = Files.createDirectories(tmp.resolve("configs"));
    Files.writeString(
        configs.resolve("immuclient.toml"),
        String.join(
            "\n",
            "immudb-address = \"127.0.0.1\"",
            "immudb-port = " + immudb.port(),
            "tokenfile = \"" + tmp.resolve("token") + "\"",
            "roots_filepath = \"" + tmp.resolve("roots") + "\"",
            "dir = \"/tmp\"",
            ""));
    ToolRun login = run("immuclient", Map.of(), "login", "immudb", "--password", "immudb");
    assertThat(login.status()).as(login.err()).isZero();
    assertThat(login.err()).contains("key 'dir': an immudb setting immuclient does not use");
    assertThat(Files.exists(tmp.resolve("token"))).isTrue();
    ToolRun set = run("immuclient", Map.of(), "safeset", "k", "v");
    assertThat(set.status()).as(set.err()).isZero();
    assertThat(set.out()).containsPattern("verified:\\s+true");

    // The environment beats the file: a port where nothing listens fails.
    ToolRun env = run("immuclient", Map.of("IMMUCLIENT_IMMUDB_PORT", "1"), "status");
    assertThat(env.status()).isEqualTo(1);
    assertThat(env.err()).contains("UNAVAILABLE");
  }

  @Test
  void immuadminReadsTheFileNamedByConfig() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("admin.toml"),
            "immudb_port = "
                + immudb.port()
                + "\nimmudb-address = \"127.0.0.1\"\ntokenfile = \""
                + tmp.resolve("admin-token")
                + "\"\n");
    ToolRun status = run("immuadmin", Map.of(), "--config", file.toString(), "status");
    assertThat(status.status()).as(status.err()).isZero();
    assertThat(status.out()).containsPattern("status:\\s+ok");
    // After the command works too, and so does IMMUADMIN_CONFIG.
    assertThat(run("immuadmin", Map.of(), "status", "--config", file.toString()).status()).isZero();
    assertThat(run("immuadmin", Map.of("IMMUADMIN_CONFIG", file.toString()), "status").status())
        .isZero();
  }

  @Test
  void aBadConfigFileIsAUsageError() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.toml"), "immudb-port = \"many\"\n");
    ToolRun r = run("immuclient", Map.of(), "--config", bad.toString(), "status");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "immuclient: config file "
                + bad
                + ", key 'immudb-port': invalid value 'many': 'many' is not an int\n");
    Files.writeString(bad, "immudb-prot = 1\n");
    r = run("immuadmin", Map.of(), "--config", bad.toString(), "status");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("immuadmin: config file " + bad + ", key 'immudb-prot': unknown key");
    // version still works, and prints the build.
    for (String tool : new String[] {"immuclient", "immuadmin"}) {
      ToolRun v = run(tool, Map.of(), "--config", bad.toString(), "version");
      assertThat(v.status()).as(v.err()).isZero();
      assertThat(v.out())
          .startsWith(tool + " ")
          .contains("Protocol : immudb 1.1.0", "Commit   : ", "Built at : ", "Java     : ");
      assertThat(run(tool, Map.of(), "--version").out()).isEqualTo(v.out());
    }
  }
}
