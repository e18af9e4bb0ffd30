package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes killed with {@code kill -9} leave no copy of RocksDB's 15 MB library behind in the
 * temporary directory: each child JVM (no {@code java.library.path}, a temporary directory of its
 * own) opens a key index and is killed; all of them loaded the one copy kept for this user.
 */
class RocksLibraryIT {
  @TempDir Path work;

  @Test
  void killedProcessesLeaveNoLibraryCopiesBehind() throws Exception {
    Path tmp = Files.createDirectory(work.resolve("tmp"));
    for (int i = 0; i < 3; i++) {
      runAndKill(tmp, work.resolve("index"));
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(tmp)) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    }
    assertThat(names).containsExactly("immudb-native-" + System.getProperty("user.name"));
    Path own = tmp.resolve(names.get(0));
    try (Stream<Path> versions = Files.list(own)) {
      assertThat(versions).hasSize(1);
    }
  }

  private static void runAndKill(Path tmp, Path indexDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Djava.io.tmpdir=" + tmp,
            "-cp",
            System.getProperty("java.class.path"),
            RocksLibraryChildMain.class.getName(),
            indexDir.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      for (String line; (line = out.readLine()) != null; ) {
        seen.append(line).append('\n');
        if (line.equals("ready")) {
          break;
        }
      }
      assertThat(seen.toString()).as("child output").endsWith("ready\n");
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no delete-on-exit
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }
}
