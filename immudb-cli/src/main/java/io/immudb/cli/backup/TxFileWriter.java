package io.immudb.cli.backup;

import io.immudb.core.kv.ExportedTx;
import io.immudb.core.state.ImmuState;
import java.io.IOException;

/** Writes an exported history to a backup or dump file. Not thread-safe. */
public interface TxFileWriter extends AutoCloseable {
  /** Appends the next tx. */
  void write(ExportedTx tx) throws IOException;

  /** Writes the trailer (tx count, last Alh, SHA-256 of the file so far) and flushes. */
  void finish(long txCount, ImmuState end) throws IOException;

  @Override
  void close() throws IOException;
}
