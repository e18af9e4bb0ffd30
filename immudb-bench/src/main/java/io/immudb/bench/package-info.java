/**
 * The {@code immudb-bench} command line: {@link io.immudb.bench.BenchMain} and one class per
 * subcommand ({@code store}, {@code read}, {@code reopen}, {@code server}, {@code vs-postgres}).
 *
 * <p>The commands only parse options, call {@link io.immudb.bench.load} or {@link
 * io.immudb.bench.compare} and print what it returns. Everything goes through the {@link
 * java.io.PrintStream}s handed to {@link io.immudb.bench.BenchMain#run}: progress and errors to the
 * error stream, and JSON objects, one per line, to the output stream; the last line is the run's
 * result (for {@code vs-postgres}, the ratios after one line per point), so scripts can read it
 * with {@code tail -n 1}.
 *
 * <p>Thread-safety: a command object serves one invocation on one thread. Errors: bad options exit
 * with status 2, a failed run with status 1; the message goes to the error stream once.
 */
package io.immudb.bench;
