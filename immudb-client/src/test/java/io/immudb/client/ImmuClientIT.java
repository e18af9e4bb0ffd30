package io.immudb.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.client.ImmuClientException.AlreadyExistsException;
import io.immudb.client.ImmuClientException.NotFoundException;
import io.immudb.client.ImmuClientException.PermissionDeniedException;
import io.immudb.client.ImmuClientException.UnauthenticatedException;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.server.ImmudbServer;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Random;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The SDK against the real server on a loopback port: every call, verified and not. */
class ImmuClientIT {
  @TempDir Path tmp;

  @RegisterExtension
  final ImmudbServerExtension immudb = ImmudbServerExtension.builder().manualStart().build();

  private ImmudbServer server;

  private ImmudbServer start(Path signingKey) throws Exception {
    server =
        immudb.start(
            b -> {
              if (signingKey != null) {
                b.set("signingKey", signingKey);
              }
            });
    return server;
  }

  private ImmuClient client(String database) {
    return ImmuClient.builder()
        .address("127.0.0.1")
        .port(server.port())
        .database(database)
        .stateFolder(tmp.resolve("states"))
        .build();
  }

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void verifiedCallsCheckOutAndMoveTheTrustedStateForward() throws Exception {
    start(null);
    try (ImmuClient c = client("defaultdb")) {
      assertThat(c.login("immudb", "immudb")).contains("default password");
      TxHeader first = c.verifiedSet("k1", "v1");
      assertThat(first.id()).isEqualTo(2);
      assertThat(first.blTxId()).isEqualTo(1);
      assertThat(c.verifiedState().txId()).isEqualTo(2);

      Entry e = c.verifiedGet("k1");
      assertThat(e.valueAsString()).isEqualTo("v1");
      assertThat(e.tx()).isEqualTo(2);
      TxHeader second = c.verifiedSet("k1", "v2");
      assertThat(c.verifiedGetAt(b("k1"), first.id()).valueAsString()).isEqualTo("v1");
      assertThat(c.verifiedGetSince(b("k1"), second.id()).valueAsString()).isEqualTo("v2");
      // Reading an older tx from a newer trusted state proves in the other direction.
      Tx tx = c.verifiedTxById(first.id());
      assertThat(tx.header().id()).isEqualTo(first.id());
      assertThat(c.verifiedState().txId()).isEqualTo(second.id());

      TxHeader ref = c.verifiedSetReference(b("r1"), b("k1"), 0);
      Entry viaRef = c.verifiedGet("r1");
      assertThat(viaRef.valueAsString()).isEqualTo("v2");
      assertThat(viaRef.referencedBy())
          .hasValueSatisfying(r -> assertThat(r.tx()).isEqualTo(ref.id()));
      c.verifiedSetReference(b("r0"), b("k1"), first.id());
      assertThat(c.verifiedGet("r0").valueAsString()).isEqualTo("v1");

      c.verifiedZAdd(b("set"), 2.5, b("k1"), 0);
      c.set("z1", "x");
      c.zAdd(b("set"), 1.0, b("z1"));
      assertThat(c.zScan(b("set"), 0, false))
          .extracting(z -> new String(z.key(), UTF_8) + "@" + z.score())
          .containsExactly("z1@1.0", "k1@2.5");

      TxHeader all = c.verifiedSetAll(List.of(KeyValue.of("a", "1"), KeyValue.of("b", "2")));
      assertThat(all.nEntries()).isEqualTo(2);
      assertThat(c.getAll(List.of(b("b"), b("a"))))
          .extracting(Entry::valueAsString)
          .containsExactly("2", "1");
      assertThat(c.verifiedState().txId()).isEqualTo(all.id());
    }
  }

  @Test
  void plainCallsAndTypedErrors() throws Exception {
    start(null);
    try (ImmuClient c = client("defaultdb")) {
      assertThat(c.health().ok()).isTrue();
      assertThatThrownBy(() -> c.login("immudb", "wrong"))
          .isInstanceOf(UnauthenticatedException.class)
          .hasMessage("invalid user name or password");
      c.login("immudb", "immudb");
      c.set("x", "1");
      c.set("x", "2");
      c.set("y", "3");
      assertThat(c.history(b("x"), 0, 0, false))
          .extracting(Entry::valueAsString)
          .containsExactly("1", "2");
      assertThat(c.history(b("x"), 0, 1, true))
          .extracting(Entry::valueAsString)
          .containsExactly("2");
      assertThat(c.scan(b(""))).extracting(Entry::keyAsString).containsExactly("x", "y");
      assertThat(c.scan(b(""), b("x"), 10, false))
          .extracting(Entry::keyAsString)
          .containsExactly("y");
      assertThatThrownBy(() -> c.get("missing")).isInstanceOf(NotFoundException.class);
      TxHeader h =
          c.execAll(
              List.of(
                  new ExecOp.Kv(b("e1"), b("v")),
                  new ExecOp.Ref(b("e2"), b("e1"), 0),
                  new ExecOp.ZAdd(b("zs"), 1, b("e1"), 0)));
      assertThat(c.txById(h.id()).entries()).hasSize(3);
      assertThat(c.txScan(1, 3, false))
          .extracting(t -> t.header().id())
          .containsExactly(1L, 2L, 3L);

      byte[] big = new byte[3 << 20];
      new Random(7).nextBytes(big);
      c.streamSet(b("big"), big);
      assertThat(c.streamGet(b("big")).value()).isEqualTo(big);

      c.createDatabase("second");
      assertThatThrownBy(() -> c.createDatabase("second"))
          .isInstanceOf(AlreadyExistsException.class);
      assertThat(c.databases()).contains("defaultdb", "second");
      c.createUser("alice", "Secr3t!pass", Permission.READ, "second");
      assertThat(c.listUsers()).extracting(User::name).contains("immudb", "alice");
      c.useDatabase("second");
      c.set("s", "1");
      assertThat(c.get("s").tx()).isEqualTo(2);
    }
    try (ImmuClient alice = client("second")) {
      alice.login("alice", "Secr3t!pass");
      assertThat(alice.verifiedGet("s").valueAsString()).isEqualTo("1");
      assertThatThrownBy(() -> alice.set("s", "2")).isInstanceOf(PermissionDeniedException.class);
    }
  }

  @Test
  void withCredentialsAnEndedSessionIsResumedByLoggingInAgain() throws Exception {
    start(null);
    try (ImmuClient c =
            ImmuClient.builder()
                .address("127.0.0.1")
                .port(server.port())
                .credentials("immudb", "immudb")
                .build();
        ImmuClient other = client("defaultdb")) {
      c.login();
      c.set("a", "1");
      other.login("immudb", "immudb");
      other.logout(); // ends every session of the user, c's too
      assertThat(c.get("a").valueAsString()).isEqualTo("1");
      assertThat(c.verifiedSet("a", "2").id()).isEqualTo(3);
    }
    try (ImmuClient noCredentials = client("defaultdb")) {
      noCredentials.login("immudb", "immudb");
      try (ImmuClient other = client("defaultdb")) {
        other.login("immudb", "immudb");
        other.logout();
      }
      assertThatThrownBy(() -> noCredentials.get("a")).isInstanceOf(UnauthenticatedException.class);
      assertThatThrownBy(() -> noCredentials.login("immudb", "bad"))
          .isInstanceOf(UnauthenticatedException.class);
    }
  }

  @Test
  void theTrustedStateIsKeptInOwnerOnlyFilesAndSurvivesANewClient() throws Exception {
    start(null);
    ImmuState after;
    try (ImmuClient c = client("defaultdb")) {
      c.login("immudb", "immudb");
      c.verifiedSet("k", "v");
      after = c.verifiedState();
    }
    Path dir = tmp.resolve("states").resolve(server.identifier());
    Path file = dir.resolve("defaultdb.state");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(file)).contains("txId=" + after.txId());
    try (ImmuClient c = client("defaultdb")) {
      c.login("immudb", "immudb");
      assertThat(c.verifiedState()).isEqualTo(after);
      c.set("k", "w"); // unverified, by someone else
      assertThat(c.verifiedGet("k").valueAsString()).isEqualTo("w");
      assertThat(c.verifiedState().txId()).isEqualTo(after.txId() + 1);
    }

    // A tampered state file: the next verified call fails and the file is left as it was.
    String text = Files.readString(file);
    String hash = text.replaceAll("(?s).*txHash=([0-9a-f]{64}).*", "$1");
    String flipped = (hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1);
    Files.writeString(file, text.replace(hash, flipped));
    try (ImmuClient c = client("defaultdb")) {
      c.login("immudb", "immudb");
      ImmuState before = c.verifiedState();
      assertThatThrownBy(() -> c.verifiedGet("k")).isInstanceOf(VerificationException.class);
      assertThat(c.verifiedState()).isEqualTo(before);
    }
  }

  @Test
  void withTheServersSigningKeyStatesMustBeSignedByIt() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair server1 = g.generateKeyPair();
    KeyPair other = g.generateKeyPair();
    Path priv = tmp.resolve("ec.key");
    Files.writeString(priv, pem(server1.getPrivate()));
    Path pub = tmp.resolve("ec.pub");
    Files.writeString(pub, pem(server1.getPublic()));
    Path otherPub = tmp.resolve("other.pub");
    Files.writeString(otherPub, pem(other.getPublic()));
    start(priv);

    try (ImmuClient c =
        ImmuClient.builder()
            .address("127.0.0.1")
            .port(server.port())
            .serverSigningKey(pub)
            .build()) {
      c.login("immudb", "immudb");
      c.verifiedSet("k", "v");
      assertThat(c.verifiedGet("k").valueAsString()).isEqualTo("v");
    }
    try (ImmuClient c =
        ImmuClient.builder()
            .address("127.0.0.1")
            .port(server.port())
            .serverSigningKey(otherPub)
            .build()) {
      c.login("immudb", "immudb");
      assertThatThrownBy(() -> c.verifiedSet("k", "v2"))
          .isInstanceOfSatisfying(
              VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
    }
  }

  private static String pem(Object key) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(key);
    }
    return out.toString();
  }
}
