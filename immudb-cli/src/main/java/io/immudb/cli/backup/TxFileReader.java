package io.immudb.cli.backup;

import io.immudb.core.kv.ExportedTx;
import java.util.Iterator;

/**
 * Reads a backup or dump file, checking as it goes: each record's checksum, each tx against the
 * hash chain (a {@link io.immudb.client.HistoryChecker}), and, when the last tx was read, the
 * trailer: tx count, final Alh equal to the header's, and the SHA-256 of the whole file. Any
 * problem throws {@link BackupFileException} from {@link #hasNext} or {@link #next}, so a consumer
 * never sees a tx the file does not prove. Not thread-safe.
 */
public interface TxFileReader extends Iterator<ExportedTx>, AutoCloseable {
  /** The file's header. */
  BackupHeader header();

  /** Bytes read so far (for progress). */
  long position();

  @Override
  void close();
}
