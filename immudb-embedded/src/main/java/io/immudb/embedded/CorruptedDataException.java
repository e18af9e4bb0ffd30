package io.immudb.embedded;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/**
 * Stored data failed a checksum, length or hash check. Carries where: the file and the offset
 * inside it.
 *
 * <p>A store that throws this has already switched itself to read-only: it accepts no more commits
 * until it is closed and reopened, so nothing is appended to a log whose integrity is in doubt.
 */
public final class CorruptedDataException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final String location;
  private final String what;

  /**
   * @param location the file and offset, as given by {@code Appendable.describe}
   * @param what what did not match
   */
  public CorruptedDataException(String location, String what) {
    super(ErrorCode.DATA_LOSS, "corrupted data in " + location + ": " + what);
    this.location = location;
    this.what = what;
  }

  /** The file and offset of the bad record. */
  public String location() {
    return location;
  }

  /** What did not match, without the location. */
  public String what() {
    return what;
  }
}
