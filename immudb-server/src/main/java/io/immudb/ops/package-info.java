/**
 * Operating a server process, independent of what the server does: pid files ({@link
 * io.immudb.ops.PidFile}), starting a server in the background and waiting until it listens ({@link
 * io.immudb.ops.DetachLauncher}), and installing it as a systemd service ({@link
 * io.immudb.ops.SystemdServiceInstaller} over a {@link io.immudb.ops.ServiceDefinition}, running
 * external commands through a {@link io.immudb.ops.CommandRunner}). Used by {@code immudb} and
 * meant for other daemons of the project (e.g. {@code immuclient audit-mode}).
 *
 * <p><b>Invariants:</b> a pid file is only ever deleted by the process whose id it holds; the
 * service installer never touches a path outside its root directory and never runs a shell.
 *
 * <p><b>Thread-safety:</b> stated per class; the installer and the runners are meant for one
 * thread.
 *
 * <p><b>Exceptions:</b> operational failures are {@link java.io.IOException}s with one-line
 * messages naming the file, address or command ({@link
 * io.immudb.ops.ProcessAlreadyRunningException}, {@link io.immudb.ops.DetachException}, {@link
 * io.immudb.ops.CommandFailedException}); bad arguments are {@link
 * java.lang.IllegalArgumentException}s.
 */
package io.immudb.ops;
