package io.immudb.cli;

import static io.immudb.cli.Printer.fields;

import io.immudb.cli.backup.BackupHeader;
import io.immudb.cli.backup.Progress;
import io.immudb.cli.backup.TxFileReader;
import io.immudb.cli.backup.TxFileWriter;
import io.immudb.cli.backup.TxFiles;
import io.immudb.client.HistoryChecker;
import io.immudb.client.ImmuClient;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code immuadmin backup}, {@code dump} and {@code restore}: a database's whole history, every
 * transaction with its values, exported while the server runs and checked against the client's
 * verified state; and replayed into a new database that the server creates only if the replayed
 * history ends in the same state. Formats: docs/operations.md.
 */
final class BackupCommands {
  private BackupCommands() {}

  /** What backup and dump share: the database, the file and the progress switch. */
  abstract static class Export implements Callable<Integer> {
    @ParentCommand Immuadmin admin;

    @Parameters(
        arity = "0..1",
        paramLabel = "DATABASE",
        description = "database to export (default: the current one)")
    String database;

    @Option(
        names = {"-f", "--file"},
        paramLabel = "FILE",
        description = "file to write; must not exist (default: <database>.{backup|dump.jsonl})")
    Path file;

    @Option(
        names = "--progress",
        negatable = true,
        description = "show a progress bar for runs over a second (default: on a terminal)")
    Boolean progress;

    abstract String format();

    abstract String extension();

    abstract TxFileWriter writer(OutputStream out, BackupHeader header) throws IOException;

    @Override
    public Integer call() throws Exception {
      ImmuClient c = admin.client();
      String current = c.currentDatabase();
      String db = database != null ? database : current;
      if (!db.equals(current)) {
        c.useDatabase(db);
      }
      try {
        return export(c, db);
      } finally {
        if (!db.equals(current)) {
          c.useDatabase(current);
        }
      }
    }

    private int export(ImmuClient c, String db) throws IOException, VerificationException {
      Path target = file != null ? file : Path.of(db + extension());
      if (Files.exists(target)) {
        throw new IllegalArgumentException(target + " exists; remove it or choose another --file");
      }
      ImmuState trusted = c.verifiedState();
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      BackupHeader header =
          new BackupHeader(
              format(),
              1,
              db,
              admin.opts.address + ":" + admin.opts.port,
              Instant.now().toString(),
              trusted.txId(),
              trusted.txHash().toHex(),
              "immuadmin " + io.immudb.ops.BuildInfo.current().version());
      HistoryChecker checker = new HistoryChecker(db);
      long n = 0;
      boolean done = false;
      try (OutputStream os = Files.newOutputStream(partial);
          TxFileWriter w = writer(os, header);
          ImmuClient.TxStream txs = c.exportTxs(1, trusted.txId());
          Progress bar =
              Progress.txs(
                  format(), trusted.txId(), Progress.auto(progress), admin.opts.console().err())) {
        while (txs.hasNext()) {
          ExportedTx tx = txs.next();
          checker.check(tx);
          w.write(tx);
          bar.stepTo(++n);
        }
        ImmuState got = checker.state();
        if (got.txId() != trusted.txId() || !got.txHash().equals(trusted.txHash())) {
          throw new VerificationException(
              VerificationException.Reason.STATE_REGRESSION,
              "the exported history ends at tx "
                  + got.txId()
                  + " "
                  + got.txHash().toHex()
                  + ", not at the verified state tx "
                  + trusted.txId()
                  + " "
                  + trusted.txHash().toHex());
        }
        w.finish(n, trusted);
        done = true;
      } finally {
        if (!done) {
          Files.deleteIfExists(partial);
        }
      }
      try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      admin
          .out()
          .record(
              fields(
                  "database",
                  db,
                  "file",
                  target.toString(),
                  "transactions",
                  n,
                  "tx",
                  trusted.txId(),
                  "hash",
                  trusted.txHash().toHex(),
                  "bytes",
                  Files.size(target),
                  "verified",
                  true));
      return 0;
    }
  }

  @Command(
      name = "backup",
      description =
          "Back up a database while the server runs: every transaction with its values, checked"
              + " against the verified state, to a binary file with checksums")
  static final class Backup extends Export {
    @Override
    String format() {
      return BackupHeader.BACKUP;
    }

    @Override
    String extension() {
      return ".backup";
    }

    @Override
    TxFileWriter writer(OutputStream out, BackupHeader header) throws IOException {
      return TxFiles.backupWriter(out, header);
    }
  }

  @Command(
      name = "dump",
      description =
          "Dump a database's history to a JSON-lines file (one transaction per line, keys and"
              + " values in base64), checked like a backup and restorable like one")
  static final class Dump extends Export {
    @Override
    String format() {
      return BackupHeader.DUMP;
    }

    @Override
    String extension() {
      return ".dump.jsonl";
    }

    @Override
    TxFileWriter writer(OutputStream out, BackupHeader header) throws IOException {
      return TxFiles.dumpWriter(out, header);
    }
  }

  @Command(
      name = "restore",
      description =
          "Restore a backup or dump FILE into a new database (sysadmin): every record's checksum"
              + " and the hash chain are checked as it goes; nothing is created unless the whole"
              + " file verifies and the server reproduces the same state")
  static final class Restore implements Callable<Integer> {
    @ParentCommand Immuadmin admin;

    @Parameters(index = "0", paramLabel = "FILE", description = "a backup or dump file")
    Path file;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "DATABASE",
        description = "name of the new database (default: the one in the file)")
    String database;

    @Option(
        names = "--progress",
        negatable = true,
        description = "show a progress bar for runs over a second (default: on a terminal)")
    Boolean progress;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no file " + file);
      }
      ImmuClient c = admin.client();
      try (TxFileReader r = TxFiles.open(file);
          Progress bar =
              Progress.bytes(
                  "restore",
                  Files.size(file),
                  Progress.auto(progress),
                  admin.opts.console().err())) {
        BackupHeader h = r.header();
        String name = database != null ? database : h.database();
        Iterator<ExportedTx> txs =
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                boolean more = r.hasNext();
                bar.stepTo(r.position());
                return more;
              }

              @Override
              public ExportedTx next() {
                return r.next();
              }
            };
        ImmuState s = c.importDatabase(name, h.end(), txs);
        admin
            .out()
            .record(
                fields(
                    "restored",
                    name,
                    "from",
                    file.toString(),
                    "transactions",
                    s.txId(),
                    "tx",
                    s.txId(),
                    "hash",
                    s.txHash().toHex(),
                    "verified",
                    true));
      }
      return 0;
    }
  }
}
