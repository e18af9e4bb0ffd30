/**
 * The command-line tools {@code immuclient} (read and write a server, with verification) and {@code
 * immuadmin} (users, databases, state, statistics, backup and restore, offline {@code verify}),
 * built with picocli over the Java SDK ({@code io.immudb.client}). They are thin: each subcommand
 * parses its flags, calls the SDK (or, for {@code immuadmin verify}, the engine on a stopped
 * server's data directory) and prints the result; the checks themselves live in the SDK.
 *
 * <p><b>Entry types.</b> {@link io.immudb.cli.Immuclient} and {@link io.immudb.cli.Immuadmin} are
 * the root commands, with {@code main} and an in-process {@code run(args, env, console)}; their
 * subcommands are methods or classes grouped by noun ({@link io.immudb.cli.StatsCommand}, {@code
 * BackupCommands}, {@code io.immudb.cli.audit.AuditCommand}, and the raw commands {@code
 * RawSafeSetCommand}, {@code RawSafeGetCommand}, {@code GetRawBySafeIndexCommand}, which show
 * entries in their stored form through {@code RawEntries}). {@link io.immudb.cli.ClientOptions} is
 * the mixin of global flags shared by every subcommand: it builds the SDK client, keeps the session
 * in a token file and holds the tool's {@link io.immudb.cli.Console}. {@link io.immudb.cli.Printer}
 * formats results as text or JSON ({@code --output}).
 *
 * <p><b>Statistics.</b> {@code immuadmin stats} reads the server's Prometheus endpoint ({@link
 * io.immudb.cli.PrometheusText}). On a terminal it runs a live dashboard: {@code StatsScrape} is
 * one reading, {@code DashboardModel} the frame computed from two readings (rates, latency
 * buckets), {@code DashboardView} its text (pure, unit-tested), and {@code StatsDashboard} the
 * Lanterna loop that draws it and restores the terminal on quit. Without a terminal, or with {@code
 * -t}, it prints text once.
 *
 * <p><b>Output.</b> Nothing here writes to {@code System.out} or {@code System.err}: a tool's
 * {@code main} creates one {@link io.immudb.cli.Console} and every command, and picocli's own help,
 * usage and error messages, print through it, so tests run the tools in-process and capture both
 * streams. Results go to its {@code out}; warnings, errors and progress bars to its {@code err}.
 *
 * <p><b>Errors and exit status.</b> Commands throw; {@code Tools} turns what they throw into one
 * line on standard error (the stack trace too with {@code --debug}) and the exit status: 0 success,
 * 1 error, 2 bad usage or configuration, 3 verification failed (a {@link
 * io.immudb.core.proof.VerificationException} or a backup file that fails its checks). Defaults
 * come from {@code IMMUCLIENT_*} / {@code IMMUADMIN_*} variables and the tool's configuration file
 * ({@code io.immudb.ops.ToolConfig}); flags win over both.
 *
 * <p><b>Threads and stability.</b> One run of a tool is one command on one thread; the objects of a
 * run (root command, options, client, printer) are not thread-safe and are not reused, except that
 * the interactive shell ({@code immuclient it}) makes new ones for each line. The stable interface
 * is the command line: command and flag names, exit statuses and the text and JSON output. The Java
 * types are public only so that the launchers and the {@code audit} package can reach them, and
 * carry no compatibility promise.
 */
package io.immudb.cli;
