package io.immudb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web console's verifier ({@code console/js/verify.js}, the code the browser runs) under
 * Node.js — its WebCrypto is the browser's API — over every proof vector of immudb-core: the spec's
 * §13 values, and each valid inclusion, consistency, linear and dual proof with its mutations,
 * which must all be refused. Node.js is required (README, Requirements): without it this test
 * fails.
 */
@Timeout(60)
class ConsoleVerifierIT {
  @Test
  void verifyJsAgreesWithEveryProofVector() throws IOException, InterruptedException {
    Path script = Path.of("src/test/js/verify-vectors.mjs");
    Path verifier = Path.of("src/main/resources/io/immudb/http/console/js/verify.js");
    Path vectors = Path.of("../immudb-core/src/test/resources/vectors");
    assertThat(vectors.resolve("dual")).isDirectory();
    Process p =
        new ProcessBuilder("node", script.toString(), verifier.toString(), vectors.toString())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains(", 0 failed");
    int passed =
        Integer.parseInt(out.replaceAll("(?s).*verify\\.js: (\\d+) vectors passed.*", "$1"));
    long files;
    try (var s = Files.walk(vectors)) {
      files =
          s.filter(f -> f.toString().endsWith(".json") && !f.startsWith(vectors.resolve("spec")))
              .count();
    }
    assertThat(passed)
        .as("every vector file ran, plus the spec's values")
        .isGreaterThan((int) files);
  }
}
