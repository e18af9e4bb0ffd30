/**
 * Operations support shared by the server ({@code immudb}) and the command-line tools ({@code
 * immuclient}, {@code immuadmin}): configuration from TOML files and environment variables for
 * picocli commands ({@link io.immudb.ops.ToolConfig}), build information ({@link
 * io.immudb.ops.BuildInfo}, the {@code version} command), and running a daemon: pid files ({@link
 * io.immudb.ops.PidFile}), starting in the background and waiting until it listens ({@link
 * io.immudb.ops.DetachLauncher}), installing it as a system service ({@link
 * io.immudb.ops.ServiceInstaller} over a {@link io.immudb.ops.ServiceDefinition}, written as a
 * systemd unit, a launchd property list or an rc.d script as the {@link io.immudb.ops.InitSystem}
 * asks, running external commands through a {@link io.immudb.ops.CommandRunner}). Depends on
 * picocli and Jackson's TOML reader only; nothing here knows the tools' options, which are read
 * from their picocli specs.
 *
 * <p><b>Invariants:</b> precedence is flag, then environment variable, then configuration file,
 * then built-in default. A configuration key is an option's long name without dashes, compared
 * ignoring case, {@code -} and {@code _}; its variable is the tool's prefix plus the key in upper
 * case with {@code -} as {@code _}. A file with an unknown key or an unconvertible value is refused
 * as a whole, with a message naming the file and the key.
 *
 * <p>A pid file is only ever deleted by the process whose id it holds; the service installer never
 * touches a path outside its root directory and never runs a shell.
 *
 * <p><b>Thread-safety:</b> {@link io.immudb.ops.ConfigFile}, {@link io.immudb.ops.ConfigKeys},
 * {@link io.immudb.ops.LayeredDefaults}, {@link io.immudb.ops.ConfigProfile}, {@link
 * io.immudb.ops.BuildInfo} and the renderers of service definitions are immutable or stateless;
 * {@link io.immudb.ops.ToolConfig} configures one parse and is not thread-safe; the service
 * installer and the command runners are meant for one thread.
 *
 * <p><b>Exceptions:</b> an unusable configuration file is a {@link
 * io.immudb.ops.ConfigFileException}; operational failures of daemons are {@link
 * java.io.IOException}s with one-line messages naming the file, address or command ({@link
 * io.immudb.ops.ProcessAlreadyRunningException}, {@link io.immudb.ops.DetachException}, {@link
 * io.immudb.ops.CommandFailedException}); programmer errors use JDK types.
 */
package io.immudb.ops;
