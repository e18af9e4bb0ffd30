package io.immudb.server.grpc;

/**
 * Reads the messages of one client stream (spec v1 §12) into a request: says what the next message
 * may be, takes each message, and checks the stream's end. Implementations throw {@link
 * io.immudb.core.ImmuException} (INVALID_ARGUMENT) on a message out of place.
 *
 * <p>Not thread-safe: one parser per call.
 */
interface StreamParser {
  /** The limit of the next message, given the messages so far. */
  MessageLimit nextLimit();

  /** Takes the next complete message (owned by the parser from now on). */
  void accept(byte[] message);

  /** Checks that the stream may end here. */
  void end();
}
