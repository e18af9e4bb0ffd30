/**
 * The lowest layer of the engine: append-only byte logs split into segment files.
 *
 * <p>Invariants: bytes below a log's size never change except through an explicit truncate
 * (recovery's cut of a torn tail). Records are framed by the layers above; this layer knows only
 * bytes and offsets.
 *
 * <p>Thread-safety: one appending thread per log; any number of concurrent readers of offsets below
 * a size they have observed. Exceptions: {@link java.io.IOException} for I/O failures; {@link
 * java.lang.IllegalArgumentException} for offsets outside the log.
 *
 * <p><b>Internal to the engine</b> (no stability promise): only the engine's higher layers may use
 * it; other modules go through {@link io.immudb.embedded.database.Database}, which {@code
 * EngineBoundaryTest} enforces.
 */
package io.immudb.embedded.internal.appendable;
