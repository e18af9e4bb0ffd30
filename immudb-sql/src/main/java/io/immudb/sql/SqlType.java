package io.immudb.sql;

/** The column types of immudb's SQL dialect (spec v1 §11 names them on the wire). */
public enum SqlType {
  INTEGER,
  VARCHAR,
  BOOLEAN,
  BLOB,
  TIMESTAMP;

  /** Whether a column of this type may declare a maximum length ({@code VARCHAR[n]}). */
  public boolean hasLength() {
    return this == VARCHAR || this == BLOB;
  }
}
