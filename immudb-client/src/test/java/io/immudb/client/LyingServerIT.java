package io.immudb.client;

import static io.immudb.client.LyingServer.flip;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.proto.VerifiableEntry;
import io.immudb.proto.VerifiableTx;
import io.immudb.server.ImmudbServer;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every verified call rejects a server that lies — a forged value, a forged proof, a replayed
 * answer, a rewritten or rolled-back history — and leaves the trusted state as it was.
 */
class LyingServerIT {
  @TempDir Path tmp;

  @RegisterExtension
  final ImmudbServerExtension honestServer = ImmudbServerExtension.builder().build();

  @RegisterExtension
  final ImmudbServerExtension otherServer = ImmudbServerExtension.builder().build();

  private ImmudbServer honest;
  private ImmudbServer other;
  private LyingServer liar;
  private ImmuClient client;

  @BeforeEach
  void setUp() throws Exception {
    honest = honestServer.server();
    other = otherServer.server();
    liar = new LyingServer(honest.port());
    client =
        ImmuClient.builder()
            .address("127.0.0.1")
            .port(liar.port())
            .stateFolder(tmp.resolve("states"))
            .build();
    client.login("immudb", "immudb");
    client.verifiedSet("k", "v1");
    client.verifiedSet("k", "v2");
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    liar.close();
  }

  private void rejected(Executable call) throws Exception {
    ImmuState before = client.verifiedState();
    assertThatThrownBy(call::execute).isInstanceOf(VerificationException.class);
    assertThat(client.verifiedState()).isEqualTo(before);
  }

  private static VerifiableEntry entry(VerifiableEntry e, UnaryOperator<io.immudb.proto.Entry> f) {
    return e.toBuilder().setEntry(f.apply(e.getEntry())).build();
  }

  @Test
  void forgedReadsAreRejected() throws Exception {
    Map<String, UnaryOperator<VerifiableEntry>> forgeries =
        Map.of(
            "value",
            e -> entry(e, x -> x.toBuilder().setValue(ByteString.copyFromUtf8("forged")).build()),
            "key",
            e -> entry(e, x -> x.toBuilder().setKey(ByteString.copyFromUtf8("other")).build()),
            "tx id",
            e -> entry(e, x -> x.toBuilder().setTx(x.getTx() - 1).build()),
            "inclusion proof",
            e -> {
              VerifiableEntry.Builder b = e.toBuilder();
              b.getInclusionProofBuilder().setLeaf(e.getInclusionProof().getLeaf() + 1);
              return b.build();
            },
            "tx header eH",
            e -> {
              VerifiableEntry.Builder b = e.toBuilder();
              var m = b.getVerifiableTxBuilder().getTxBuilder().getMetadataBuilder();
              m.setEH(flip(m.getEH()));
              return b.build();
            },
            "tx entry hash",
            e -> {
              VerifiableEntry.Builder b = e.toBuilder();
              var en = b.getVerifiableTxBuilder().getTxBuilder().getEntriesBuilder(0);
              en.setHValue(flip(en.getHValue()));
              return b.build();
            },
            "dual proof target blRoot",
            e -> {
              VerifiableEntry.Builder b = e.toBuilder();
              var m = b.getVerifiableTxBuilder().getDualProofBuilder().getTargetTxMetadataBuilder();
              m.setBlRoot(flip(m.getBlRoot()));
              return b.build();
            },
            "dual proof source prevAlh",
            e -> {
              VerifiableEntry.Builder b = e.toBuilder();
              var m = b.getVerifiableTxBuilder().getDualProofBuilder().getSourceTxMetadataBuilder();
              m.setPrevAlh(flip(m.getPrevAlh()));
              return b.build();
            });
    for (var forgery : forgeries.entrySet()) {
      liar.onVerifiableEntry = forgery.getValue();
      rejected(() -> client.verifiedGet("k"));
    }
    liar.onVerifiableEntry = UnaryOperator.identity();
    assertThat(client.verifiedGet("k").valueAsString()).isEqualTo("v2");
  }

  private static io.immudb.proto.VerifiableSQLEntry sqlEntry(
      io.immudb.proto.VerifiableSQLEntry e, UnaryOperator<io.immudb.proto.SQLEntry.Builder> f) {
    return e.toBuilder().setSqlEntry(f.apply(e.getSqlEntry().toBuilder())).build();
  }

  @Test
  void forgedSqlRowsAreRejected() throws Exception {
    client.sqlExec("CREATE TABLE pets (name VARCHAR, owner INTEGER, PRIMARY KEY name)");
    client.sqlExec("INSERT INTO pets (name, owner) VALUES ('rex', 7), ('tom', 8)");
    Map<String, UnaryOperator<io.immudb.proto.VerifiableSQLEntry>> forgeries =
        Map.of(
            "value",
            e -> sqlEntry(e, x -> x.setValue(flip(x.getValue()))),
            "another row's key",
            e -> sqlEntry(e, x -> x.setKey(ByteString.copyFrom(replaceLast(x.getKey(), "tom")))),
            "tx id",
            e -> sqlEntry(e, x -> x.setTx(x.getTx() - 1)),
            "table id",
            e -> e.toBuilder().setTableId(e.getTableId() + 1).build(),
            "primary key type",
            e -> e.toBuilder().putColTypesById(e.getPKIDs(0), "INTEGER").build(),
            "inclusion proof",
            e -> {
              var b = e.toBuilder();
              b.getInclusionProofBuilder().setLeaf(e.getInclusionProof().getLeaf() + 1);
              return b.build();
            },
            "missing inclusion proof",
            e -> e.toBuilder().clearInclusionProof().build(),
            "tx header eH",
            e -> {
              var b = e.toBuilder();
              var m = b.getVerifiableTxBuilder().getTxBuilder().getMetadataBuilder();
              m.setEH(flip(m.getEH()));
              return b.build();
            },
            "dual proof target blRoot",
            e -> {
              var b = e.toBuilder();
              var m = b.getVerifiableTxBuilder().getDualProofBuilder().getTargetTxMetadataBuilder();
              m.setBlRoot(flip(m.getBlRoot()));
              return b.build();
            });
    for (var forgery : forgeries.entrySet()) {
      liar.onVerifiableSqlEntry = forgery.getValue();
      rejected(() -> client.verifiedSqlGet("pets", "rex"));
    }
    liar.onVerifiableSqlEntry = UnaryOperator.identity();
    ImmuState before = client.verifiedState();
    SqlRow rex = client.verifiedSqlGet("pets", "rex");
    assertThat(rex.values()).containsEntry("owner", 7L);
    assertThat(client.verifiedState().txId()).isGreaterThan(before.txId());
  }

  /** {@code key} with its last VARCHAR component ("rex" ‖ 0x00 0x01) replaced by {@code name}. */
  private static byte[] replaceLast(ByteString key, String name) {
    byte[] k = key.toByteArray();
    byte[] n = name.getBytes(UTF_8);
    byte[] out = k.clone();
    System.arraycopy(n, 0, out, k.length - 2 - n.length, n.length);
    return out;
  }

  @Test
  void forgedWritesAndReplayedAnswersAreRejected() throws Exception {
    VerifiableTx[] last = new VerifiableTx[1];
    liar.onVerifiableTx =
        v -> {
          last[0] = v;
          return v;
        };
    client.verifiedSet("k", "v3");
    VerifiableTx old = last[0];

    Map<String, UnaryOperator<VerifiableTx>> forgeries =
        Map.of(
            "entry hash",
            v -> {
              VerifiableTx.Builder b = v.toBuilder();
              var en = b.getTxBuilder().getEntriesBuilder(0);
              en.setHValue(flip(en.getHValue()));
              return b.build();
            },
            "linear proof",
            v -> {
              VerifiableTx.Builder b = v.toBuilder();
              var l = b.getDualProofBuilder().getLinearProofBuilder();
              if (l.getTermsCount() > 0) {
                l.setTerms(0, flip(l.getTerms(0)));
              } else {
                l.setTargetTxId(l.getTargetTxId() + 1);
              }
              return b.build();
            },
            "missing dual proof",
            v -> v.toBuilder().clearDualProof().build(),
            "replayed earlier answer",
            v -> old);
    for (var forgery : forgeries.entrySet()) {
      liar.onVerifiableTx = forgery.getValue();
      rejected(() -> client.verifiedSet("k", "v4-" + forgery.getKey()));
      rejected(() -> client.verifiedSetReference("r".getBytes(UTF_8), "k".getBytes(UTF_8), 0));
      rejected(() -> client.verifiedZAdd("s".getBytes(UTF_8), 1, "k".getBytes(UTF_8), 0));
    }
    liar.onVerifiableTx = v -> old;
    rejected(() -> client.verifiedTxById(old.getTx().getMetadata().getId() + 1));
  }

  @Test
  void aRewrittenHistoryIsCaught() throws Exception {
    // The other server holds different values in txs 2, 3, 4...
    try (ImmuClient direct = ImmuClient.builder().address("127.0.0.1").port(other.port()).build()) {
      direct.login("immudb", "immudb");
      for (String v : List.of("x1", "x2", "x3", "x4")) {
        direct.set("k", v);
      }
    }
    liar.useBackend(other.port());
    client.login("immudb", "immudb");
    rejected(() -> client.verifiedGet("k"));
    rejected(() -> client.verifiedSet("k", "v5"));
    rejected(() -> client.verifiedTxById(2));
  }

  @Test
  void aRolledBackHistoryIsRefused() throws Exception {
    // The other server has fewer txs than the client trusts: it can't prove anything from there.
    liar.useBackend(other.port());
    client.login("immudb", "immudb");
    ImmuState before = client.verifiedState();
    assertThatThrownBy(() -> client.verifiedGet("k")).isInstanceOf(ImmuClientException.class);
    assertThat(client.verifiedState()).isEqualTo(before);
  }
}
