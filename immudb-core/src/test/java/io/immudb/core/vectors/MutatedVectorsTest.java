package io.immudb.core.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the production verifiers on every file under {@code vectors/<kind>/} and checks that each is
 * rejected exactly when its {@code wantErr} says so.
 */
class MutatedVectorsTest {

  private static SortedMap<String, String> checkedIn() throws IOException {
    Path root = VectorFiles.root();
    SortedMap<String, String> out = new TreeMap<>();
    for (String kind : VectorGenerator.KINDS) {
      try (Stream<Path> s = Files.walk(root.resolve(kind))) {
        for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
          String rel = root.relativize(p).toString().replace('\\', '/');
          out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  @TestFactory
  List<DynamicTest> everyVectorIsJudgedAsItsWantErrSays() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (var e : checkedIn().entrySet()) {
      String path = e.getKey();
      String content = e.getValue();
      tests.add(
          DynamicTest.dynamicTest(
              path,
              () -> {
                JsonNode v = VectorFiles.MAPPER.readTree(content);
                String kind = path.substring(0, path.indexOf('/'));
                boolean wantErr = v.get("wantErr").asBoolean();
                assertThat(!VectorJson.accepts(kind, v))
                    .as("%s: %s", path, v.get("desc").asText())
                    .isEqualTo(wantErr);
              }));
    }
    return tests;
  }

  @Test
  void checkedInVectorsAreWhatTheGeneratorWrites() throws IOException {
    SortedMap<String, String> want = VectorGenerator.generateAll();
    SortedMap<String, String> have = checkedIn();
    assertThat(have.keySet()).isEqualTo(want.keySet());
    for (String k : want.keySet()) {
      assertThat(have.get(k)).as(k).isEqualTo(want.get(k));
    }
  }

  @Test
  void everyKindHasValidAndRejectedVectorsAndLinearFakeOnes() throws IOException {
    SortedMap<String, String> files = checkedIn();
    for (String kind : VectorGenerator.KINDS) {
      assertThat(files.keySet())
          .anyMatch(k -> k.startsWith(kind + "/") && k.endsWith("/valid.json"));
      assertThat(files.keySet())
          .anyMatch(k -> k.startsWith(kind + "/") && !k.endsWith("/valid.json"));
    }
    assertThat(files.keySet()).anyMatch(k -> k.startsWith("linear/linear-fake/"));
    assertThat(files.keySet()).anyMatch(k -> k.startsWith("dual/linear-fake/"));
    assertThat(files).hasSizeBetween(200, 600);
  }
}
