/**
 * Record formats of the value log, the tx log and the commit log (docs/design/storage.md).
 *
 * <p>Invariants: every record carries its own length and a CRC32C, so a torn tail is recognised; a
 * tx is committed exactly when its commit record is present and valid. Codecs are stateless and
 * thread-safe. Failed checks raise the checked {@link io.immudb.embedded.txlog.RecordException},
 * which the store turns into a cut (during recovery) or a {@code CorruptedDataException}.
 */
package io.immudb.embedded.txlog;
