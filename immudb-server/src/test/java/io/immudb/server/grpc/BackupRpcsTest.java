package io.immudb.server.grpc;

import static io.immudb.server.grpc.InProcessImmudb.fails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.immudb.proto.CreateUserRequest;
import io.immudb.proto.Database;
import io.immudb.proto.ExportTxsRequest;
import io.immudb.proto.ExportedEntry;
import io.immudb.proto.ExportedTx;
import io.immudb.proto.FlushIndexRequest;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceStub;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.ImportBegin;
import io.immudb.proto.ImportRequest;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.KeyValue;
import io.immudb.proto.ReferenceRequest;
import io.immudb.proto.SetRequest;
import io.immudb.proto.ZAddRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRpcsTest {
  @TempDir Path dir;
  private InProcessImmudb immudb;
  private ImmuServiceBlockingStub admin;

  @BeforeEach
  void start() throws Exception {
    immudb = InProcessImmudb.start(dir, false);
    admin = immudb.login("immudb", "immudb");
  }

  @AfterEach
  void stop() throws Exception {
    immudb.close();
  }

  private static ByteString b(String s) {
    return ByteString.copyFromUtf8(s);
  }

  private void fill() {
    for (int i = 0; i < 30; i++) {
      admin.set(
          SetRequest.newBuilder()
              .addKVs(KeyValue.newBuilder().setKey(b("k" + i)).setValue(b("value " + i)))
              .addKVs(KeyValue.newBuilder().setKey(b("other" + i)).setValue(b("x".repeat(i))))
              .build());
    }
    admin.setReference(
        ReferenceRequest.newBuilder().setKey(b("ref")).setReferencedKey(b("k3")).build());
    admin.zAdd(ZAddRequest.newBuilder().setSet(b("set")).setKey(b("k4")).setScore(1.5).build());
  }

  private List<ExportedTx> export(ImmuServiceBlockingStub stub) {
    List<ExportedTx> txs = new ArrayList<>();
    stub.exportTxs(ExportTxsRequest.getDefaultInstance()).forEachRemaining(txs::add);
    return txs;
  }

  private ImmutableState importAll(String name, ImmutableState end, List<ExportedTx> txs)
      throws Exception {
    CompletableFuture<ImmutableState> result = new CompletableFuture<>();
    ImmuServiceStub async = immudb.loginAsync("immudb", "immudb");
    StreamObserver<ImportRequest> in =
        async.importDatabase(
            new StreamObserver<>() {
              @Override
              public void onNext(ImmutableState s) {
                result.complete(s);
              }

              @Override
              public void onError(Throwable t) {
                result.completeExceptionally(t);
              }

              @Override
              public void onCompleted() {}
            });
    in.onNext(
        ImportRequest.newBuilder()
            .setBegin(
                ImportBegin.newBuilder()
                    .setDatabaseName(name)
                    .setTxId(end.getTxId())
                    .setTxHash(end.getTxHash()))
            .build());
    for (ExportedTx tx : txs) {
      in.onNext(ImportRequest.newBuilder().setTx(tx).build());
    }
    in.onCompleted();
    try {
      return result.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (StatusRuntimeException) e.getCause();
    }
  }

  private boolean exists(String name) {
    return admin.databaseList(Empty.getDefaultInstance()).getDatabasesList().stream()
        .anyMatch(d -> d.getDatabaseName().equals(name));
  }

  @Test
  void anExportedHistoryImportsIntoADatabaseWithTheSameState() throws Exception {
    fill();
    ImmutableState original = admin.currentState(Empty.getDefaultInstance());
    List<ExportedTx> txs = export(admin);
    assertThat(txs).hasSize((int) original.getTxId());
    assertThat(txs.get(0).getHeader().getId()).isEqualTo(1);

    ImmutableState restored = importAll("restored", original, txs);

    assertThat(restored.getDb()).isEqualTo("restored");
    assertThat(restored.getTxId()).isEqualTo(original.getTxId());
    assertThat(restored.getTxHash()).isEqualTo(original.getTxHash());
    assertThat(exists("restored")).isTrue();
    ImmuServiceBlockingStub onRestored =
        immudb.withToken(
            admin
                .useDatabase(Database.newBuilder().setDatabaseName("restored").build())
                .getToken());
    assertThat(onRestored.get(KeyRequest.newBuilder().setKey(b("ref")).build()).getValue())
        .isEqualTo(b("value 3"));
    assertThat(onRestored.currentState(Empty.getDefaultInstance()).getTxHash())
        .isEqualTo(original.getTxHash());
    // the restored database keeps growing like any other
    assertThat(
            onRestored
                .set(
                    SetRequest.newBuilder()
                        .addKVs(KeyValue.newBuilder().setKey(b("new")).setValue(b("v")))
                        .build())
                .getId())
        .isEqualTo(original.getTxId() + 1);
  }

  @Test
  void aForgedValueIsRefusedAndNothingIsCreated() throws Exception {
    fill();
    ImmutableState original = admin.currentState(Empty.getDefaultInstance());
    List<ExportedTx> txs = new ArrayList<>(export(admin));
    ExportedTx t5 = txs.get(4);
    txs.set(
        4,
        t5.toBuilder()
            .setEntries(0, ExportedEntry.newBuilder(t5.getEntries(0)).setValue(b("forged")))
            .build());

    assertThatThrownBy(() -> importAll("restored", original, txs))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
              assertThat(e.getStatus().getDescription())
                  .contains("tx 5 cannot be replayed")
                  .contains("entries hash to eH");
            });
    assertThat(exists("restored")).isFalse();
    assertThat(leftovers()).isEmpty();
    // the name is free again
    assertThat(importAll("restored", original, export(admin)).getTxId())
        .isEqualTo(original.getTxId());
  }

  @Test
  void aHistoryEndingElsewhereThanAnnouncedIsRefused() throws Exception {
    fill();
    ImmutableState original = admin.currentState(Empty.getDefaultInstance());
    List<ExportedTx> txs = export(admin);
    assertThatThrownBy(() -> importAll("partial", original, txs.subList(0, txs.size() - 1)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e ->
                assertThat(e.getStatus().getDescription())
                    .contains("ends at tx " + (original.getTxId() - 1))
                    .contains("expected tx " + original.getTxId()));
    assertThat(exists("partial")).isFalse();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void importNeedsTheSysadminAndAFreeName() throws Exception {
    ImmutableState original = admin.currentState(Empty.getDefaultInstance());
    List<ExportedTx> txs = export(admin);
    assertThatThrownBy(() -> importAll("defaultdb", original, txs))
        .hasMessageContaining("database 'defaultdb' already exists");
    admin.createUser(
        CreateUserRequest.newBuilder()
            .setUser(b("bob"))
            .setPassword(b("Bob-pass1!"))
            .setPermission(2)
            .setDatabase("defaultdb")
            .build());
    ImmuServiceBlockingStub bob = immudb.login("bob", "Bob-pass1!");
    assertThatThrownBy(() -> export(bob))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
  }

  @Test
  void exportRangesAreChecked() {
    fill();
    long last = admin.currentState(Empty.getDefaultInstance()).getTxId();
    List<ExportedTx> some = new ArrayList<>();
    admin
        .exportTxs(ExportTxsRequest.newBuilder().setFromTx(3).setToTx(5).build())
        .forEachRemaining(some::add);
    assertThat(some).extracting(t -> t.getHeader().getId()).containsExactly(3L, 4L, 5L);
    fails(
        () ->
            admin
                .exportTxs(ExportTxsRequest.newBuilder().setFromTx(2).setToTx(last + 1).build())
                .hasNext(),
        Status.Code.INVALID_ARGUMENT,
        "export range 2.." + (last + 1) + " is not within the committed txs 1.." + last);
  }

  @Test
  void flushIndexFlushesTheSelectedDatabase() {
    fill();
    assertThat(admin.flushIndex(FlushIndexRequest.getDefaultInstance()).getDatabase())
        .isEqualTo("defaultdb");
    fails(
        () -> admin.flushIndex(FlushIndexRequest.newBuilder().setCleanupPercentage(101).build()),
        Status.Code.INVALID_ARGUMENT,
        "cleanupPercentage must be between 0 and 100, got 101.0");
  }

  @Test
  void aRestoreLeftByACrashIsRemovedAtTheNextStart() throws Exception {
    immudb.close();
    Path leftover = dir.resolve(".restore-lost-1234");
    Files.createDirectories(leftover.resolve("index"));
    Files.writeString(leftover.resolve("junk"), "partial");
    immudb = InProcessImmudb.start(dir, false);
    admin = immudb.login("immudb", "immudb");
    assertThat(leftover).doesNotExist();
  }

  private List<Path> leftovers() throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".restore-")).toList();
    }
  }
}
