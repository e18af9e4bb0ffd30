package io.immudb.server.grpc;

import io.grpc.Status;

/** The status code and text of one call of the permission matrix; OK has no text. */
record MatrixAnswer(Status.Code code, String text) {
  static final MatrixAnswer OK = new MatrixAnswer(Status.Code.OK, null);

  @Override
  public String toString() {
    return text == null ? code.name() : code + " \"" + text + "\"";
  }
}
