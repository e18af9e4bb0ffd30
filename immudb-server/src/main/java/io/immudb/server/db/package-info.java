/**
 * The data directory and the databases in it: {@link io.immudb.server.db.DataDirectory} (lock and
 * server identity), {@link io.immudb.server.db.DatabaseRegistry} (open, create, list and look up
 * databases) and immudb's database-name rules (spec v1 §9.4).
 *
 * <p><b>Invariants:</b> one server owns a data directory at a time ({@code immudb.lock}). Every
 * database lives in {@code <dir>/<name>} and its transaction 1 is the SQL catalog entry of spec v1
 * §10, so no database ever reports tx 0. {@code systemdb} and {@code defaultdb} exist from the
 * first start. The creation order of databases is recorded in {@code systemdb} (key {@code
 * 0x02‖name} in the plain namespace) and survives restarts.
 *
 * <p><b>Thread-safety:</b> {@code DataDirectory} and {@code DatabaseRegistry} are safe for
 * concurrent use; creation is serialized, lookups take no lock.
 *
 * <p><b>Exceptions:</b> rule violations and unknown names throw {@link
 * io.immudb.server.db.DatabaseException} with immudb's text; a locked directory throws {@link
 * io.immudb.server.db.DataDirectoryInUseException}; I/O failures while opening are {@link
 * java.io.IOException}.
 */
package io.immudb.server.db;
