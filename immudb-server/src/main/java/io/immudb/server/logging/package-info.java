/**
 * The server's logging backend setup: logback, configured in code from {@code --log-level}, {@code
 * --logformat} and {@code --logfile} ({@link io.immudb.server.logging.LogSetup}), with one JSON
 * object per line for {@code json} ({@link io.immudb.server.logging.JsonLineLayout}) and a quiet
 * default before that ({@link io.immudb.server.logging.DefaultLogConfigurator}). The rest of the
 * server logs through SLF4J only.
 *
 * <p><b>Thread-safety:</b> layouts are thread-safe; configuration happens once, on the main thread,
 * before the server starts.
 *
 * <p><b>Exceptions:</b> a log file that cannot be opened is an {@link java.io.IOException} naming
 * the file.
 */
package io.immudb.server.logging;
