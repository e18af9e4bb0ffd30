package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.immudb.client.ImmuClient;
import io.immudb.core.kv.KeyValue;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * immuclient's {@code rawsafeset}, {@code rawsafeget} and {@code getRawBySafeIndex}, in this JVM
 * against a real server: the stored forms they print are checked against the spec's layout (spec v1
 * §3.2) and hashes computed here, and binary values round-trip byte for byte.
 */
class RawCommandsIT {
  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();

  /** Exit status, and the bytes printed on standard output and standard error. */
  private record Run(int status, byte[] outBytes, String err) {
    String out() {
      return new String(outBytes, StandardCharsets.UTF_8);
    }
  }

  private Run run(String... args) {
    String[] connect = {
      "-a",
      "127.0.0.1",
      "-p",
      Integer.toString(immudb.port()),
      "--tokenfile",
      tmp.resolve("token").toString(),
      "--roots-filepath",
      tmp.resolve("roots").toString()
    };
    String[] all = new String[connect.length + args.length];
    System.arraycopy(connect, 0, all, 0, connect.length);
    System.arraycopy(args, 0, all, connect.length, args.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    int status =
        Tools.run(
            new Immuclient(console),
            "immuclient",
            Tools.profile("immuclient").withSearchPath(List.of()),
            all,
            Map.of());
    return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  private Run ok(String... args) {
    Run r = run(args);
    assertThat(r.status()).as(r.err()).isZero();
    return r;
  }

  private static String sha256(byte[] b) throws Exception {
    return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void rawCommandsShowTheEntriesAsStoredAndVerified() throws Exception {
    ok("login", "immudb", "--password", "immudb");

    // The spec's vector (§3.4): Set("hello", "world") stores 00 68656c6c6f -> 00 776f726c64.
    String hvalue = "aea3cbb336f4d494d8b5a157aedfc480a45a6de7c0968e085433b214f9b41ef7";
    assertThat(ok("rawsafeset", "hello", "world").out())
        .containsPattern("(?m)^tx:\\s+2$")
        .containsPattern("(?m)^key:\\s+hello$")
        .containsPattern("(?m)^stored key:\\s+0068656c6c6f$")
        .containsPattern("(?m)^hvalue:\\s+" + hvalue + "$")
        .containsPattern("(?m)^vlen:\\s+6$")
        .containsPattern("(?m)^verified:\\s+true$")
        .doesNotContain("stored value");
    assertThat(ok("rawsafeget", "hello").out())
        .containsPattern("(?m)^tx:\\s+2$")
        .containsPattern("(?m)^stored key:\\s+0068656c6c6f$")
        .containsPattern("(?m)^stored value:\\s+00776f726c64$")
        .containsPattern("(?m)^hvalue:\\s+" + hvalue + "$")
        .containsPattern("(?m)^verified:\\s+true$")
        .doesNotContainPattern("(?m)^value:");

    // Binary values: every byte value, in from a file and out with --value-only, unchanged.
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    Path file = Files.write(tmp.resolve("all-bytes.bin"), binary);
    assertThat(ok("rawsafeset", "bin", "--value-file", file.toString()).out())
        .containsPattern("(?m)^tx:\\s+3$")
        .containsPattern("(?m)^vlen:\\s+257$");
    assertThat(ok("rawsafeget", "bin", "--value-only").outBytes()).isEqualTo(binary);
    assertThat(ok("rawsafeget", "hello", "--at-tx", "2", "--value-only").out()).isEqualTo("world");

    Run tx2 = ok("getRawBySafeIndex", "2");
    assertThat(tx2.out())
        .containsPattern("(?m)^tx:\\s+2$")
        .containsPattern("(?m)^entries:\\s+1$")
        .containsPattern("(?m)^verified:\\s+true$")
        .containsPattern("(?m)^key:\\s+hello\\nstored key:\\s+0068656c6c6f\\n")
        .containsPattern("(?m)^stored value:\\s+00776f726c64\\nhvalue:\\s+" + hvalue + "$");
    JsonObject json =
        JsonParser.parseString(ok("getRawBySafeIndex", "2", "--output", "json").out())
            .getAsJsonObject();
    assertThat(json.get("tx").getAsLong()).isEqualTo(2);
    assertThat(json.get("verified").getAsBoolean()).isTrue();
    JsonObject entry = json.getAsJsonArray("entries").get(0).getAsJsonObject();
    assertThat(entry.get("stored value").getAsString()).isEqualTo("00776f726c64");
    assertThat(entry.get("hvalue").getAsString()).isEqualTo(hvalue);

    // A reference is stored as 0x01 ‖ u64(atTx) ‖ 0x00 ‖ referenced key (§3.2).
    ok("safereference", "ref", "hello");
    String refValue = "01" + "0000000000000000" + "00" + "68656c6c6f";
    assertThat(ok("getRawBySafeIndex", "4").out())
        .containsPattern("(?m)^key:\\s+ref$")
        .containsPattern("(?m)^stored value:\\s+" + refValue + "$")
        .containsPattern("(?m)^hvalue:\\s+" + sha256(HEX.parseHex(refValue)) + "$")
        .containsPattern("(?m)^reference to:\\s+hello$");

    // A sorted-set member: a 0x01-prefixed key and an empty stored value.
    ok("safezadd", "scores", "1.5", "hello");
    assertThat(ok("getRawBySafeIndex", "5").out())
        .containsPattern("(?m)^stored key:\\s+01[0-9a-f]+$")
        .containsPattern("(?m)^stored value:\\s+$")
        .containsPattern("(?m)^hvalue:\\s+" + sha256(new byte[0]) + "$")
        .containsPattern("(?m)^vlen:\\s+0$");

    // A tx of several entries lists each.
    try (ImmuClient c = ImmuClient.builder().address("127.0.0.1").port(immudb.port()).build()) {
      c.login("immudb", "immudb");
      c.setAll(
          List.of(
              new KeyValue("a".getBytes(StandardCharsets.UTF_8), new byte[] {1}),
              new KeyValue("b".getBytes(StandardCharsets.UTF_8), new byte[] {2, 3})));
    }
    assertThat(ok("getRawBySafeIndex", "6").out())
        .containsPattern("(?m)^entries:\\s+2$")
        .containsPattern("(?m)^key:\\s+a\\nstored key:\\s+0061\\nstored value:\\s+0001$")
        .containsPattern("(?m)^key:\\s+b\\nstored key:\\s+0062\\nstored value:\\s+000203$");
  }

  @Test
  void mistakesAreOneLineErrors() {
    ok("login", "immudb", "--password", "immudb");
    Run neither = run("rawsafeset", "k");
    assertThat(neither.status()).isEqualTo(Tools.ERROR);
    assertThat(neither.err()).isEqualTo("immuclient: give either VALUE or --value-file FILE\n");
    Run both = run("rawsafeset", "k", "v", "--value-file", tmp.resolve("x").toString());
    assertThat(both.status()).isEqualTo(Tools.ERROR);
    Run missing = run("rawsafeget", "nope");
    assertThat(missing.status()).isEqualTo(Tools.ERROR);
    assertThat(missing.err()).contains("NOT_FOUND");
    Run future = run("getRawBySafeIndex", "99");
    assertThat(future.status()).isEqualTo(Tools.ERROR);
    assertThat(future.out()).isEmpty();
  }
}
