package io.immudb.server.db;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.nio.file.Path;

/** The data directory is locked by another immudb server (in this process or another). */
public final class DataDirectoryInUseException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final transient Path dir;

  public DataDirectoryInUseException(Path dir) {
    super(
        ErrorCode.FAILED_PRECONDITION,
        "data directory "
            + dir
            + " is in use by another immudb server (lock file "
            + dir.resolve(DataDirectory.LOCK_FILE)
            + "); stop that server or choose another --dir");
    this.dir = dir;
  }

  /** The locked directory. */
  public Path dir() {
    return dir;
  }
}
