/**
 * The {@code immudb-bench} command line: {@link io.immudb.bench.BenchMain} and one class per
 * subcommand ({@code store}, {@code read}).
 *
 * <p>The commands only parse options, call {@link io.immudb.bench.load} and print what it returns.
 * Everything goes through the {@link java.io.PrintStream}s handed to {@link
 * io.immudb.bench.BenchMain#run}: progress and errors to the error stream, and exactly one JSON
 * object as the last line of the output stream, so scripts can read it with {@code tail -n 1}.
 *
 * <p>Thread-safety: a command object serves one invocation on one thread. Errors: bad options exit
 * with status 2, a failed run with status 1; the message goes to the error stream once.
 */
package io.immudb.bench;
