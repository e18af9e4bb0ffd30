package io.immudb.cli.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens backup and dump files; the format of a file to read is told by its first bytes. */
public final class TxFiles {
  private TxFiles() {}

  /** A writer of the binary backup format over {@code out}. */
  public static TxFileWriter backupWriter(OutputStream out, BackupHeader header)
      throws IOException {
    return new BinaryBackup.Writer(out, header);
  }

  /** A writer of the JSON-lines dump format over {@code out}. */
  public static TxFileWriter dumpWriter(OutputStream out, BackupHeader header) throws IOException {
    return new JsonDump.Writer(out, header);
  }

  /**
   * A checking reader of {@code file}, a backup or a dump.
   *
   * @throws BackupFileException if it is neither, or its header is damaged
   */
  public static TxFileReader open(Path file) throws IOException {
    long size = Files.size(file);
    InputStream in = Files.newInputStream(file);
    try {
      byte[] magic = new byte[1];
      InputStream peek = new java.io.BufferedInputStream(in, 1 << 16);
      peek.mark(1);
      int n = peek.read(magic);
      peek.reset();
      if (n == 1 && magic[0] == '{') {
        return new JsonDump.Reader(peek);
      }
      if (n == 1 && magic[0] == BinaryBackup.MAGIC[0]) {
        return new BinaryBackup.Reader(peek, size);
      }
      throw new BackupFileException(0, file + " is neither an immudb backup nor a dump");
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }
}
