package io.immudb.sql;

import io.immudb.core.tx.TxHeader;
import java.util.List;
import java.util.Map;

/**
 * What {@link SqlEngine#exec} committed (spec v1 §11, {@code SQLExecResult}): the headers of the
 * txs of DDL statements ({@code ctxs}) and of DML statements ({@code dtxs}) in commit order, the
 * number of rows written, and per table the last auto-increment primary key it assigned.
 *
 * <p>Thread-safe (immutable).
 */
public record ExecResult(
    List<TxHeader> ctxs, List<TxHeader> dtxs, long updatedRows, Map<String, Long> lastInsertedPks) {
  public ExecResult {
    ctxs = List.copyOf(ctxs);
    dtxs = List.copyOf(dtxs);
    lastInsertedPks = Map.copyOf(lastInsertedPks);
  }
}
