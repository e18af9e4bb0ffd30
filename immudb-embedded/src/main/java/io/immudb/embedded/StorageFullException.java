package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.io.IOException;
import java.util.Locale;

/**
 * A commit refused because the disk holding the store is full ({@code ENOSPC}, or a quota). The
 * store rolled its logs back to the last committed tx, so nothing of the refused commit is kept and
 * the store stays writable: the same commit may succeed once space is freed. gRPC {@code
 * RESOURCE_EXHAUSTED}; the message starts with {@code no space left on device}.
 */
public final class StorageFullException extends ImmuException {
  private static final long serialVersionUID = 1L;

  public StorageFullException(String where, IOException cause) {
    super(
        ErrorCode.RESOURCE_EXHAUSTED,
        "no space left on device: the commit was refused and rolled back ("
            + where
            + ": "
            + cause.getMessage()
            + "); free space and retry",
        cause);
  }

  /**
   * Whether {@code e} (or a cause of it) reports a full disk or an exhausted quota. The JDK gives
   * no error number, only the OS text: {@code No space left on device} (ENOSPC) and {@code Disk
   * quota exceeded} (EDQUOT) on Linux and macOS.
   */
  public static boolean isDiskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (t instanceof IOException && m != null) {
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
          return true;
        }
      }
    }
    return false;
  }
}
