/**
 * The files of {@code immuadmin backup}, {@code dump} and {@code restore}: a database's whole
 * history, every transaction with its values, as a binary backup (length-prefixed records with
 * CRC32C checksums) or as a JSON-lines dump; both start with a {@link
 * io.immudb.cli.backup.BackupHeader} and end with a trailer holding the tx count, the final Alh and
 * the SHA-256 of the file. Formats and guarantees: {@code docs/ops/backup.md}, "File formats".
 *
 * <p><b>Entry types.</b> {@link io.immudb.cli.backup.TxFiles} opens a file for reading (telling the
 * format from its first bytes) and makes writers; a {@link io.immudb.cli.backup.TxFileWriter}
 * appends exported txs and the trailer; a {@link io.immudb.cli.backup.TxFileReader} iterates over a
 * file's txs. {@link io.immudb.cli.backup.Progress} is the progress bar shown on standard error for
 * long runs.
 *
 * <p><b>Invariants.</b> A reader checks as it goes: every record's checksum, every tx against the
 * hash chain ({@link io.immudb.client.HistoryChecker}), and at the end the trailer against the
 * header and the bytes read. It never hands out a tx the file does not prove, so a consumer that
 * stops at the first exception has replayed only a verified prefix. The restore itself is the
 * server's: it creates the database only if the replayed history ends in the header's state.
 *
 * <p><b>Exceptions and threads.</b> A damaged or unverifiable file is a {@link
 * io.immudb.cli.backup.BackupFileException} naming the byte offset where reading stopped (the tools
 * exit with status 3); I/O failures are {@link java.io.IOException}s. Readers, writers and progress
 * bars are for one thread; {@code BackupHeader} is immutable. The file formats carry their version
 * in the header and are the stable interface; the Java types serve the tools only and carry no
 * compatibility promise.
 */
package io.immudb.cli.backup;
