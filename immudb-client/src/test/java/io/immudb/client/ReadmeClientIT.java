package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.kv.Entry;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.tx.TxHeader;
import io.immudb.server.ImmudbServer;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's SDK snippet, compiled and run against a real server; and checked to be the README's.
 */
class ReadmeClientIT {
  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();

  @Test
  void snippetRuns() throws Exception {
    ImmudbServer server = immudb.server();
    int port = server.port();
    Path stateDir = tmp.resolve("states");
    boolean[] failed = {false};
    // README-BEGIN
    try (ImmuClient client =
        ImmuClient.builder()
            .address("127.0.0.1")
            .port(port)
            .stateFolder(stateDir) // trusted states, kept per server and database
            .build()) {
      client.login("immudb", "immudb");
      TxHeader tx = client.verifiedSet("hello", "world"); // proven to be in tx tx.id()
      Entry e = client.verifiedGet("hello"); // proven against the trusted state
      System.out.println(e.valueAsString() + " @ tx " + e.tx());
    } catch (VerificationException e) {
      // the server's proof did not check out: it rewrote history or lied about a value
      // README-END
      failed[0] = true;
    }
    assertThat(failed[0]).isFalse();
    assertThat(Files.list(stateDir.resolve(server.identifier()))).hasSize(1);
  }

  @Test
  void readmeShowsExactlyThisSnippet() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    String md = Files.readString(here.getParent().resolve("README.md"));
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(md);
    StringBuilder blocks = new StringBuilder();
    while (m.find()) {
      blocks.append(m.group(1)).append('\n');
    }
    String src =
        Files.readString(here.resolve("src/test/java/io/immudb/client/ReadmeClientIT.java"));
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
