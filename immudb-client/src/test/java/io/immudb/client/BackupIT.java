package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.client.ImmuClientException.PermissionDeniedException;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.TxHeader;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Export, history check and import through the SDK against the real server. */
class BackupIT {
  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();

  private ImmuClient client;

  @BeforeEach
  void logIn() {
    client =
        ImmuClient.builder()
            .address("127.0.0.1")
            .port(immudb.port())
            .stateFolder(tmp.resolve("states"))
            .build();
    client.login("immudb", "immudb");
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
  }

  private List<ExportedTx> exportAll() {
    List<ExportedTx> txs = new ArrayList<>();
    try (ImmuClient.TxStream s = client.exportTxs(0, 0)) {
      s.forEachRemaining(txs::add);
    }
    return txs;
  }

  private void fill() throws VerificationException {
    for (int i = 0; i < 40; i++) {
      client.setAll(List.of(KeyValue.of("k" + i, "v" + i), KeyValue.of("big" + i, "x".repeat(i))));
    }
    client.verifiedSetReference("ref".getBytes(), "k7".getBytes(), 0);
    client.verifiedZAdd("set".getBytes(), 2.5, "k8".getBytes(), 0);
  }

  @Test
  void anExportedHistoryChecksOutAndRestoresToTheSameVerifiedState() throws Exception {
    fill();
    ImmuState trusted = client.verifiedState();
    List<ExportedTx> txs = exportAll();
    HistoryChecker checker = new HistoryChecker("defaultdb");
    for (ExportedTx tx : txs) {
      checker.check(tx);
    }
    assertThat(checker.state()).isEqualTo(trusted);

    ImmuState restored = client.importDatabase("copy", trusted, txs.iterator());
    assertThat(restored.txId()).isEqualTo(trusted.txId());
    assertThat(restored.txHash()).isEqualTo(trusted.txHash());

    client.useDatabase("copy");
    assertThat(client.verifiedGet("ref").value()).isEqualTo("v7".getBytes());
    assertThat(client.verifiedState().txHash()).isEqualTo(trusted.txHash());
    client.flushIndex();
  }

  @Test
  void theCheckerCatchesAForgedValueAChainBreakAndAGap() throws Exception {
    fill();
    List<ExportedTx> txs = exportAll();
    ExportedTx t3 = txs.get(2);
    List<StoredKeyValue> forged = new ArrayList<>(t3.entries());
    forged.set(0, new StoredKeyValue(forged.get(0).key(), "forged".getBytes()));
    assertRejected(txs, 2, new ExportedTx(t3.header(), forged), Reason.ENTRY_MISMATCH, "tx 3");

    TxHeader h = t3.header();
    TxHeader relinked =
        new TxHeader(
            h.id(), Sha256Digest.ZERO, h.ts(), h.nEntries(), h.eh(), h.blTxId(), h.blRoot());
    assertRejected(
        txs, 2, new ExportedTx(relinked, t3.entries()), Reason.ALH_MISMATCH, "not the Alh");
    assertRejected(txs, 2, txs.get(3), Reason.TX_ID_MISMATCH, "tx 4 found where tx 3");
  }

  private static void assertRejected(
      List<ExportedTx> txs, int at, ExportedTx replacement, Reason reason, String text)
      throws VerificationException {
    HistoryChecker c = new HistoryChecker("db");
    for (int i = 0; i < at; i++) {
      c.check(txs.get(i));
    }
    assertThatThrownBy(() -> c.check(replacement))
        .isInstanceOfSatisfying(
            VerificationException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(text);
  }

  @Test
  void anAbandonedImportCreatesNothing() throws Exception {
    fill();
    ImmuState trusted = client.verifiedState();
    List<ExportedTx> txs = exportAll();
    Iterator<ExportedTx> failing =
        new Iterator<>() {
          int i;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public ExportedTx next() {
            if (i == 10) {
              throw new IllegalStateException("the backup file is damaged");
            }
            return txs.get(i++);
          }
        };
    assertThatThrownBy(() -> client.importDatabase("copy", trusted, failing))
        .hasMessage("the backup file is damaged");
    assertThat(client.databases()).doesNotContain("copy");
    // the server drops the partial restore once it sees the cancellation; then the name is free
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      try {
        assertThat(client.importDatabase("copy", trusted, txs.iterator()).txId())
            .isEqualTo(trusted.txId());
        break;
      } catch (ImmuClientException.AlreadyExistsException e) {
        assertThat(e).hasMessageContaining("is being restored");
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }

  @Test
  void exportNeedsTheAdminPermission() {
    client.createUser("reader", "Reader-pass1!", Permission.READ, "defaultdb");
    try (ImmuClient reader =
        ImmuClient.builder().address("127.0.0.1").port(immudb.port()).build()) {
      reader.login("reader", "Reader-pass1!");
      assertThatThrownBy(() -> reader.exportTxs(0, 0).hasNext())
          .isInstanceOf(PermissionDeniedException.class);
    }
  }
}
