package io.immudb.client;

import io.immudb.core.tx.TxHeader;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@link ImmuClient#sqlExec} (spec v1 §11): the headers of the txs committed by DDL
 * statements ({@code ctxs}) and by DML statements ({@code dtxs}), the number of rows written, and,
 * per table with an auto-increment primary key that got rows, the last primary key assigned (as
 * {@link SqlQueryResult} types values). Immutable.
 */
public record SqlExecResult(
    List<TxHeader> ctxs,
    List<TxHeader> dtxs,
    int updatedRows,
    Map<String, Object> lastInsertedPKs) {}
