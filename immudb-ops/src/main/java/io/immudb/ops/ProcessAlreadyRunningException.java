package io.immudb.ops;

import java.io.IOException;
import java.nio.file.Path;

/** A pid file names a process that is still running, so a second instance must not start. */
public final class ProcessAlreadyRunningException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Path pidFile;
  private final long pid;

  /**
   * @param pidFile the pid file found
   * @param pid the live process it names
   */
  public ProcessAlreadyRunningException(Path pidFile, long pid) {
    super(
        "pidfile "
            + pidFile
            + " names process "
            + pid
            + ", which is running; stop it first (or delete the file if that process is not"
            + " immudb)");
    this.pidFile = pidFile;
    this.pid = pid;
  }

  /** The pid file found. */
  public Path pidFile() {
    return pidFile;
  }

  /** The live process it names. */
  public long pid() {
    return pid;
  }
}
