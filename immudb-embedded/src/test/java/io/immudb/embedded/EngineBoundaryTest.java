package io.immudb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's boundary, checked on the source tree: the main sources of every other module use
 * only what the engine exposes (see the {@code io.immudb.embedded} package comment). Without JPMS
 * nothing else stops a module from importing a public class of a lower layer; this test does. Test
 * sources are not checked: a test that damages a log file on purpose may read its record format.
 */
class EngineBoundaryTest {
  private static final Path ROOT =
      Path.of(System.getProperty("immudb.root", "..")).toAbsolutePath().normalize();

  /** A reference to a type or package of the engine, as written in an import or in code. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\bio\\.immudb\\.embedded((?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*|\\*)");

  /** Packages any module may use, whole. */
  private static final Set<String> OPEN_PACKAGES = Set.of("", ".database");

  /** Single types of other packages that any module may use. */
  private static final Set<String> OPEN_TYPES =
      Set.of(".store.StoreOptions", ".store.VerificationReport");

  /**
   * Types a module may use beyond the open ones. {@code immudb-bench} measures the engine itself:
   * its {@code store} benchmark commits raw entries to {@code ImmuStore}, below the data model.
   */
  private static final Map<String, Set<String>> ALLOWED_TO =
      Map.of("immudb-bench", Set.of(".store.ImmuStore", ".store.KeyValue"));

  /** The references of {@code source}, a main source file of {@code module}, that break a rule. */
  static List<String> violations(String module, String source) {
    List<String> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(source);
    while (m.find()) {
      String pkg = m.group(1);
      String type = pkg + "." + m.group(2);
      boolean ok =
          OPEN_PACKAGES.contains(pkg)
              || OPEN_TYPES.contains(type)
              || ALLOWED_TO.getOrDefault(module, Set.of()).contains(type);
      if (!ok) {
        out.add("io.immudb.embedded" + type);
      }
    }
    return out;
  }

  @Test
  void noOtherModuleReachesPastTheDatabaseIntoTheEngine() throws IOException {
    List<String> found = new ArrayList<>();
    int files = 0;
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.sorted().toList()) {
        Path main = module.resolve("src/main/java");
        String name = module.getFileName().toString();
        if (name.equals("immudb-embedded") || !Files.isDirectory(main)) {
          continue;
        }
        try (Stream<Path> sources = Files.walk(main)) {
          for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
            files++;
            for (String v : violations(name, read(f))) {
              found.add(ROOT.relativize(f) + ": " + v);
            }
          }
        }
      }
    }
    assertThat(files).as("main sources of the other modules under %s", ROOT).isGreaterThan(100);
    assertThat(found).isEmpty();
  }

  @Test
  void theRulesCatchLowerLayersAndTheStoreButLetTheDoorThrough() {
    assertThat(
            violations(
                "immudb-server",
                """
                import io.immudb.embedded.KeyNotFoundException;
                import io.immudb.embedded.database.Database;
                import io.immudb.embedded.store.StoreOptions;
                import io.immudb.embedded.store.ImmuStore;
                import io.immudb.embedded.internal.index.IndexSnapshot;
                import io.immudb.embedded.internal.txlog.*;
                class X { io.immudb.embedded.store.KeyValue kv; }
                """))
        .containsExactly(
            "io.immudb.embedded.store.ImmuStore",
            "io.immudb.embedded.internal.index.IndexSnapshot",
            "io.immudb.embedded.internal.txlog.*",
            "io.immudb.embedded.store.KeyValue");
    assertThat(violations("immudb-bench", "import io.immudb.embedded.store.ImmuStore;")).isEmpty();
    assertThat(violations("immudb-cli", "import io.immudb.embedded.store.ImmuStore;")).hasSize(1);
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
