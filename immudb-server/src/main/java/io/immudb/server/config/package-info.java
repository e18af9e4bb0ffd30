/**
 * Server configuration. Each setting is declared once, as a picocli option of {@code ServerFlags}
 * (flag name, default, help text), which {@link io.immudb.ops.ToolConfig} also makes an {@code
 * IMMUDB_*} variable and a configuration file key. Its value lands in the immutable record of its
 * concern ({@link io.immudb.server.config.NetworkOptions}, {@link
 * io.immudb.server.config.StorageOptions}, {@link io.immudb.server.config.SecurityOptions}, {@link
 * io.immudb.server.config.TlsOptions}, {@link io.immudb.server.config.MetricsOptions}, {@link
 * io.immudb.server.config.ProcessOptions}, and the checker's {@link
 * io.immudb.server.consistency.ConsistencyCheckOptions}), whose constructor validates it; {@link
 * io.immudb.server.config.ServerConfig} groups them. {@link io.immudb.server.config.ServerCommand}
 * parses the command line, and {@link io.immudb.server.config.ServerConfig#builder()} builds from
 * the same defaults in code.
 *
 * <p><b>Invariants:</b> a built {@code ServerConfig} has been validated: the ports are in [0,
 * 65535] and distinct, the maximum message size and token expiry are positive, and the data
 * directory is (or can be created as) a writable directory; TLS flags come in working combinations
 * ({@code --certificate} with {@code --pkey}; {@code --mtls} with both and {@code --clientcas}) and
 * their PEM files have been loaded into a {@link io.immudb.server.tls.ServerTls}. A flag given on
 * the command line wins over its environment variable, which wins over the configuration file,
 * which wins over the built-in default.
 *
 * <p><b>Thread-safety:</b> {@code ServerConfig} and the option records are immutable; builders,
 * commands and flags are not thread-safe.
 *
 * <p><b>Exceptions:</b> invalid values throw {@link io.immudb.server.config.ConfigException} naming
 * the setting (its flag without dashes), with the same message whatever the source; the command
 * line adds the variable or file key a value came from. Malformed command lines throw picocli's
 * {@code ParameterException}.
 */
package io.immudb.server.config;
