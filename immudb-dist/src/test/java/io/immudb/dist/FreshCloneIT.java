package io.immudb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first steps, from a fresh clone on a machine whose Maven repository holds no
 * artifact of this project: each launcher in {@code bin/} builds what it needs and runs, the server
 * starts, and the client tools work against it.
 *
 * <p>The clone is {@code git clone} of this checkout with the working tree's uncommitted state laid
 * over it (on CI, a clean checkout, that is the clone itself); its Maven repository is a directory
 * of links to every entry of this build's local repository except {@code io/immudb}, and Maven runs
 * offline, so the build can only succeed from the clone's own sources plus third-party artifacts.
 * Locally installed {@code io.immudb} artifacts once hid a launcher that only worked on the
 * developer's machine; this test is what catches that now.
 */
class FreshCloneIT {
  private static final Path ROOT =
      Path.of(System.getProperty("immudb.root")).toAbsolutePath().normalize();
  private static final Path LOCAL_REPO = Path.of(System.getProperty("maven.repo.local"));
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(8);

  @Test
  void everyLauncherBuildsAndRunsFromAFreshClone(@TempDir Path tmp) throws Exception {
    Path clone = tmp.resolve("immudb");
    FreshClone.of(ROOT, clone, tmp);
    assertThat(clone.resolve("immudb-server/target")).doesNotExist();
    Path repo = thirdPartyRepository(tmp.resolve("m2"));
    assertThat(repo.resolve("io/immudb")).doesNotExist();

    Map<String, String> env = new HashMap<>();
    env.put("IMMUDB_MVN_ARGS", "-o -Dmaven.repo.local=" + repo + settingsArgs());
    env.put("IMMUDB_NO_BUILD", null);
    env.put("MAVEN_OPTS", null);
    Path work = Files.createDirectories(tmp.resolve("work"));

    // The first launcher builds every tool, once.
    ProcessRun first =
        ProcessRun.run(work, env, work, BUILD_TIMEOUT, clone.resolve("bin/immudb") + "", "--help")
            .succeeded();
    assertThat(first.err()).contains("building the immudb tools (first run)");
    assertThat(first.out()).contains("Usage: immudb");

    SmokeSession session = new SmokeSession(clone, work, env);
    ProcessRun version = session.tool("immudb", "version").succeeded();
    assertThat(version.out()).contains("immudb " + System.getProperty("immudb.version"));
    assertThat(version.err()).doesNotContain("building");
    ProcessRun clientHelp = session.tool("immuclient", "--help").succeeded();
    assertThat(clientHelp.out()).contains("Usage: immuclient");
    assertThat(clientHelp.err()).doesNotContain("building");
    assertThat(session.tool("immuadmin", "version").succeeded().out())
        .contains("immuadmin " + System.getProperty("immudb.version"));
    assertThat(session.tool("immugw", "--help").succeeded().out()).contains("Usage: immugw");
    assertThat(session.tool("immugw", "version").succeeded().out())
        .contains("immugw " + System.getProperty("immudb.version"));
    assertThat(session.tool("immudb-bench", "--help").succeeded().out())
        .contains("Usage: immudb-bench");

    session.run();
    runReadmeCommands(clone, session);
    assertThat(repo.resolve("io/immudb")).as("the launchers install nothing").doesNotExist();
  }

  /**
   * Every {@code bin/immuclient} and {@code bin/immuadmin} line of README.md's code blocks, in
   * order, against a fresh server (password prompts answered on standard input), then the offline
   * ones ({@code verify ./data}) on its stopped data directory.
   */
  private static void runReadmeCommands(Path clone, SmokeSession session) throws Exception {
    ReadmeCommands readme = ReadmeCommands.of(clone.resolve("README.md"));
    assertThat(readme.online()).hasSizeGreaterThan(10);
    assertThat(readme.offline()).isNotEmpty();
    try (SmokeSession.Server server = session.startServer()) {
      for (List<String> cmd : readme.online()) {
        String tool = cmd.get(0).substring("bin/".length());
        String[] args = cmd.subList(1, cmd.size()).toArray(String[]::new);
        String input = "";
        if (args[0].equals("login")) {
          input = "immudb\n";
        } else if (args[0].equals("user") && args[1].equals("create")) {
          input = "Readme-Pass-1\nReadme-Pass-1\n";
        }
        server.toolWithInput(input, tool, args).succeeded();
      }
    }
    for (List<String> cmd : readme.offline()) {
      String tool = cmd.get(0).substring("bin/".length());
      ProcessRun r = session.tool(tool, cmd.subList(1, cmd.size()).toArray(String[]::new));
      r.succeeded();
    }
  }

  /**
   * A Maven local repository that sees every third-party artifact of {@link #LOCAL_REPO} (through
   * symbolic links, so nothing is copied) and none of this project's.
   */
  private static Path thirdPartyRepository(Path repo) throws IOException {
    Files.createDirectories(repo);
    try (Stream<Path> top = Files.list(LOCAL_REPO)) {
      for (Path p : (Iterable<Path>) top::iterator) {
        if (p.getFileName().toString().equals("io") && Files.isDirectory(p)) {
          Path io = Files.createDirectories(repo.resolve("io"));
          try (Stream<Path> groups = Files.list(p)) {
            for (Path g : (Iterable<Path>) groups::iterator) {
              if (!g.getFileName().toString().equals("immudb")) {
                Files.createSymbolicLink(io.resolve(g.getFileName()), g);
              }
            }
          }
        } else {
          Files.createSymbolicLink(repo.resolve(p.getFileName()), p);
        }
      }
    }
    return repo;
  }

  /** The user's Maven settings (mirrors, proxies), which a changed HOME would otherwise hide. */
  private static String settingsArgs() {
    Path settings = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
    return Files.isRegularFile(settings) ? " -s " + settings : "";
  }
}
