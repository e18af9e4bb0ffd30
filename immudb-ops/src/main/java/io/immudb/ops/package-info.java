/**
 * Operations support shared by the server ({@code immudb}) and the command-line tools ({@code
 * immuclient}, {@code immuadmin}): configuration from TOML files and environment variables for
 * picocli commands ({@link io.immudb.ops.ToolConfig}), and build information ({@link
 * io.immudb.ops.BuildInfo}, the {@code version} command). Depends on picocli and Jackson's TOML
 * reader only; nothing here knows the tools' options, which are read from their picocli specs.
 *
 * <p><b>Invariants:</b> precedence is flag, then environment variable, then configuration file,
 * then built-in default. A configuration key is an option's long name without dashes, compared
 * ignoring case, {@code -} and {@code _}; its variable is the tool's prefix plus the key in upper
 * case with {@code -} as {@code _}. A file with an unknown key or an unconvertible value is refused
 * as a whole, with a message naming the file and the key.
 *
 * <p><b>Thread-safety:</b> {@link io.immudb.ops.ConfigFile}, {@link io.immudb.ops.ConfigKeys},
 * {@link io.immudb.ops.LayeredDefaults}, {@link io.immudb.ops.ConfigProfile} and {@link
 * io.immudb.ops.BuildInfo} are immutable; {@link io.immudb.ops.ToolConfig} configures one parse and
 * is not thread-safe.
 *
 * <p><b>Exceptions:</b> an unusable configuration file is a {@link
 * io.immudb.ops.ConfigFileException}; programmer errors use JDK types.
 */
package io.immudb.ops;
