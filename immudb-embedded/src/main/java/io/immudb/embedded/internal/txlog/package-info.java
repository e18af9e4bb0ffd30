/**
 * Record formats of the value log, the tx log and the commit log (docs/design/storage.md).
 *
 * <p>Invariants: every record carries its own length and a CRC32C, so a torn tail is recognised; a
 * tx is committed exactly when its commit record is present and valid. Codecs are stateless and
 * thread-safe. Failed checks raise the checked {@link
 * io.immudb.embedded.internal.txlog.RecordException}, which the store turns into a cut (during
 * recovery) or a {@code CorruptedDataException}.
 *
 * <p><b>Internal to the engine</b> (no stability promise): only the engine's higher layers may use
 * it; other modules go through {@link io.immudb.embedded.database.Database}, which {@code
 * EngineBoundaryTest} enforces.
 */
package io.immudb.embedded.internal.txlog;
