package io.immudb.server.grpc;

/**
 * What the next message of a client stream (spec v1 §12) may be: a name for errors, its largest
 * payload length, and the name of the limit that sets that length. Immutable.
 *
 * @param what what the message carries, e.g. {@code "value"}
 * @param maxLength the largest payload length accepted, {@code > 0}
 * @param limitName the limit that sets {@code maxLength}, e.g. {@code "maxValueLen"}
 */
record MessageLimit(String what, int maxLength, String limitName) {
  MessageLimit {
    if (maxLength <= 0) {
      throw new IllegalArgumentException("maxLength must be > 0, got " + maxLength);
    }
  }

  /**
   * The limit {@code limitName = max} for a message carrying {@code what}, lowered to {@code
   * --max-recv-msg-size} when that is smaller.
   */
  static MessageLimit of(String what, int max, String limitName, int maxRecvMsgSize) {
    return maxRecvMsgSize < max
        ? new MessageLimit(what, maxRecvMsgSize, "--max-recv-msg-size")
        : new MessageLimit(what, max, limitName);
  }
}
