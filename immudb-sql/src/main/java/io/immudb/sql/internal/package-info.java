/**
 * The engine's internals, no stability promise: the ANTLR grammar adapter ({@link
 * io.immudb.sql.internal.SqlParser}, {@link io.immudb.sql.internal.AstBuilder}), the AST ({@link
 * io.immudb.sql.internal.Stmt}, {@link io.immudb.sql.internal.Expr}), the catalog and the codecs of
 * the key layout ({@link io.immudb.sql.internal.KeyCodec}, {@link
 * io.immudb.sql.internal.RowCodec}), and the executor.
 *
 * <p>Thread-safety: {@link io.immudb.sql.internal.Executor} and the immutable catalog types are
 * thread-safe; everything else lives inside one statement on one thread.
 */
package io.immudb.sql.internal;
