package io.immudb.core.vectors;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the mutated proof vectors under {@code src/test/resources/vectors/<kind>/} (kinds:
 * inclusion, consistency, linear, dual), in the manner of transparency-dev/merkle's {@code
 * cmd/proofgen}. Deterministic: fixed seeds, sorted output. {@link MutatedVectorsTest} checks that
 * the checked-in files equal what this generates.
 *
 * <p>Run from the {@code immudb-core} directory after changing a generator:
 *
 * <pre>
 * mvn -o -q test-compile
 * java -cp "target/test-classes:target/classes:$(cat cp.txt)" io.immudb.core.vectors.VectorGenerator
 * </pre>
 *
 * where {@code cp.txt} comes from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class VectorGenerator {
  /** The generated kinds; each is a directory under {@code vectors/}. */
  public static final List<String> KINDS = List.of("inclusion", "consistency", "linear", "dual");

  private static final ObjectWriter WRITER =
      VectorFiles.MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private VectorGenerator() {}

  /** Every vector file's path (relative to {@code vectors/}) and exact content. */
  public static SortedMap<String, String> generateAll() {
    SortedMap<String, JsonNode> nodes = new TreeMap<>();
    MerkleVectors.generate(nodes);
    ChainVectors.generate(nodes);
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : nodes.entrySet()) {
      try {
        out.put(e.getKey(), WRITER.writeValueAsString(e.getValue()) + "\n");
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return out;
  }

  /** Regenerates the vector directories; the argument is the vectors root. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/vectors");
    for (String kind : KINDS) {
      Path dir = root.resolve(kind);
      if (Files.exists(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
    SortedMap<String, String> files = generateAll();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = root.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
    System.out.println("wrote " + files.size() + " vector files under " + root);
  }
}
