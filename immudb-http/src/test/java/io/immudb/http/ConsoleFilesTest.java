package io.immudb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleFilesTest {
  private final ConsoleFiles files = new ConsoleFiles();

  @Test
  void servesTheConsolesFilesFromTheJar() {
    String index = new String(files.file("index.html").orElseThrow(), StandardCharsets.UTF_8);
    assertThat(index).contains("<script type=\"module\" src=\"js/app.js\">", "console.css");
    for (String js :
        new String[] {
          "app", "api", "state", "trust", "ui", "kv", "tx", "sql", "admin", "verify", "verified"
        }) {
      assertThat(files.file("js/" + js + ".js")).as(js).isPresent();
    }
    assertThat(files.file("console.css")).isPresent();
  }

  @Test
  void looksUpNothingElse() {
    assertThat(files.file("missing.html")).isEmpty();
    assertThat(files.file("../HttpRules.class")).isEmpty();
    assertThat(files.file("js/../index.html")).isEmpty();
    assertThat(files.file("../immudb-http-rules.textproto")).isEmpty();
    assertThat(files.file("index.html/")).isEmpty();
    assertThat(files.file("js/sub/x.js")).isEmpty();
    assertThat(files.file("INDEX.HTML")).isEmpty();
  }

  @Test
  void scriptsComeFromTheOriginOnly() {
    assertThat(ConsoleFiles.CSP).contains("script-src 'self'", "connect-src 'self'");
    assertThat(ConsoleFiles.CSP).doesNotContain("unsafe");
  }
}
