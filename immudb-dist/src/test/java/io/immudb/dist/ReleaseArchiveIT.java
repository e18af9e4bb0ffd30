package io.immudb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it: unpacked into an empty directory and run with a Java
 * runtime and a shell, but no Maven and no source tree.
 */
class ReleaseArchiveIT {
  private static final Path TAR = Path.of(System.getProperty("immudb.archive"));
  private static final Path ZIP =
      TAR.resolveSibling(TAR.getFileName().toString().replace(".tar.gz", ".zip"));
  private static final String VERSION = System.getProperty("immudb.version");
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @TempDir static Path tmp;
  private static Path home;
  private static Map<String, String> env;

  @BeforeAll
  static void unpack() throws Exception {
    Path into = Files.createDirectories(tmp.resolve("unpacked"));
    ProcessRun.run(into, Map.of(), tmp, TIMEOUT, "tar", "-xzf", TAR.toString()).succeeded();
    home = into.resolve("immudb-" + VERSION);
    env = new HashMap<>();
    env.put("PATH", shellOnlyPath(Files.createDirectories(tmp.resolve("path"))).toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("IMMUDB_JAVA_OPTS", null);
  }

  @Test
  void holdsTheToolsTheirLibrariesAndTheDocuments() {
    for (String f :
        new String[] {
          "bin/immudb",
          "bin/immuclient",
          "bin/immuadmin",
          "bin/immugw",
          "bin/_run.sh",
          "bin/immudb.cmd",
          "bin/immuclient.cmd",
          "bin/immuadmin.cmd",
          "bin/immugw.cmd",
          "lib/server",
          "lib/cli",
          "configs/immudb.toml",
          "configs/immuclient.toml",
          "configs/immuadmin.toml",
          "configs/immugw.toml",
          "deploy/grafana/immudb-dashboard.json",
          "docs/operations.md",
          "docs/protocol.md",
          "README.md",
          "LICENSE",
          "NOTICE"
        }) {
      assertThat(home.resolve(f)).as(f).exists();
    }
    assertThat(home.resolve("bin/immudb")).isExecutable();
    assertThat(home.resolve("lib/immudb-server-" + VERSION + ".jar")).isRegularFile();
    assertThat(home.resolve("lib/immudb-cli-" + VERSION + ".jar")).isRegularFile();
    assertThat(home.resolve("lib/immudb-gw-" + VERSION + ".jar")).isRegularFile();
  }

  @Test
  void noticeNamesTheLicenceOfEveryBundledThirdPartyJar() throws IOException {
    String notice = Files.readString(home.resolve("NOTICE"));
    try (var jars = Files.walk(home.resolve("lib"))) {
      for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar"))::iterator) {
        String name = jar.getFileName().toString();
        if (name.startsWith("immudb-")) {
          continue;
        }
        String artifact = name.replaceFirst("-\\d[^-]*(-[a-z].*)?\\.jar$", "");
        assertThat(notice)
            .as(name)
            .containsPattern(":" + java.util.regex.Pattern.quote(artifact) + ":");
      }
    }
    assertThat(notice).contains("licence: ");
  }

  @Test
  void zipHoldsTheSameFilesWithWindowsLineEndsForTheCmdLaunchers() throws Exception {
    Set<String> inTar = new TreeSet<>();
    String listing =
        ProcessRun.run(tmp, Map.of(), tmp, TIMEOUT, "tar", "-tzf", TAR.toString())
            .succeeded()
            .out();
    for (String line : listing.split("\n")) {
      if (!line.endsWith("/")) {
        inTar.add(line);
      }
    }
    Set<String> inZip = new TreeSet<>();
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (!e.isDirectory()) {
          inZip.add(e.getName());
        }
      }
      ZipEntry cmd = zip.getEntry("immudb-" + VERSION + "/bin/immudb.cmd");
      String text = new String(zip.getInputStream(cmd).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).contains("\r\n").doesNotContainPattern("[^\r]\n");
      assertThat(text).contains("io.immudb.server.ImmudbMain");
    }
    assertThat(inZip).isEqualTo(inTar);
  }

  @Test
  void toolsRunWithoutMavenAndPrintTheArchiveVersion() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    ProcessRun which =
        ProcessRun.run(work, env, work, TIMEOUT, "/bin/bash", "-c", "command -v mvn || echo none");
    assertThat(which.out().trim()).isEqualTo("none");

    SmokeSession session = new SmokeSession(home, work, env);
    for (String tool : new String[] {"immudb", "immuclient", "immuadmin", "immugw"}) {
      ProcessRun v = session.tool(tool, "version").succeeded();
      assertThat(v.out()).as(tool).startsWith(tool + " " + VERSION + "\n");
      assertThat(session.tool(tool, "--help").succeeded().out()).contains("Usage: " + tool);
    }
    session.run();
  }

  @Test
  void serviceInstallFromTheArchiveRegistersTheArchivesLauncher() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("service"));
    Path stage = work.resolve("stage");
    SmokeSession session = new SmokeSession(home, work, env);
    ProcessRun install =
        session
            .tool("immudb", "service", "--init", "systemd", "--root", stage.toString(), "install")
            .succeeded();
    assertThat(install.out()).contains("would run: ");
    String unit = Files.readString(stage.resolve("etc/systemd/system/immudb.service"));
    assertThat(unit)
        .containsPattern(
            "(?m)^ExecStart="
                + java.util.regex.Pattern.quote(home.toRealPath().resolve("bin/immudb").toString())
                + " ");
  }

  /**
   * A directory for {@code PATH} with only the commands the launchers use: a shell and a few
   * coreutils, linked from where this machine has them. No {@code mvn}, no {@code java} (JAVA_HOME
   * names the runtime).
   */
  private static Path shellOnlyPath(Path dir) throws IOException {
    for (String cmd : Arrays.asList("bash", "sh", "dirname", "basename", "readlink")) {
      for (String d : new String[] {"/usr/bin", "/bin"}) {
        Path p = Path.of(d, cmd);
        if (Files.isExecutable(p)) {
          Files.createSymbolicLink(dir.resolve(cmd), p);
          break;
        }
      }
    }
    return dir;
  }
}
