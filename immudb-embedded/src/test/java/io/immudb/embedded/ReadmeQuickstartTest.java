package io.immudb.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.kv.Entry;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.core.state.ImmuState;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.database.VerifiableTx;
import io.immudb.embedded.store.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedded quickstart, compiled and run; and checked to be the README's text. */
class ReadmeQuickstartTest {
  @TempDir Path tmp;

  @Test
  void quickstartRuns() throws Exception {
    Path dir = tmp.resolve("mydb");
    // README-BEGIN
    try (Database db = Database.open(dir, StoreOptions.defaults())) {
      db.set("hello".getBytes(UTF_8), "world".getBytes(UTF_8));
      Entry e = db.get("hello".getBytes(UTF_8));
      System.out.println(new String(e.value(), UTF_8) + " @ tx " + e.tx());

      // Keep a state you trust, write more, and check the new state extends it.
      ImmuState trusted = db.currentState();
      VerifiableTx vtx =
          db.verifiableSet(
              List.of(new KeyValue("hello".getBytes(UTF_8), "again".getBytes(UTF_8))),
              trusted.txId());
      long newTx = vtx.tx().header().id();
      DualProofVerifier.verify( // throws VerificationException if history was rewritten
          vtx.dualProof(),
          trusted.txId(),
          newTx,
          trusted.txHash(),
          vtx.dualProof().targetTxHeader().alh());
    }
    // README-END
    try (Database db = Database.open(dir, StoreOptions.defaults())) {
      assertThat(new String(db.get("hello".getBytes(UTF_8)).value(), UTF_8)).isEqualTo("again");
    }
  }

  @Test
  void readmeShowsExactlyThisSnippet() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    Path readme = here.resolve("README.md");
    if (!Files.exists(readme)) {
      readme = here.getParent().resolve("README.md");
    }
    String md = Files.readString(readme);
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(md);
    StringBuilder blocks = new StringBuilder();
    while (m.find()) {
      blocks.append(m.group(1)).append('\n');
    }
    assertThat(blocks).as("README has java blocks").isNotEmpty();
    String src =
        Files.readString(
            here.resolve("src/test/java/io/immudb/embedded/ReadmeQuickstartTest.java"));
    String snippet =
        src.substring(
            src.indexOf("// README-BEGIN") + "// README-BEGIN".length(),
            src.indexOf("// README-END"));
    assertThat(normalize(blocks.toString())).contains(normalize(snippet));
  }

  private static String normalize(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
