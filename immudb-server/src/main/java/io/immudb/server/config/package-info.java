/**
 * Server configuration: the immutable {@link io.immudb.server.config.ServerConfig} and the picocli
 * options ({@link io.immudb.server.config.ServerCommand}) that produce it from the command line and
 * {@code IMMUDB_*} environment variables.
 *
 * <p><b>Invariants:</b> a built {@code ServerConfig} has been validated: the port is in [0, 65535],
 * the maximum message size and token expiry are positive, and the data directory is (or can be
 * created as) a writable directory; TLS flags come in working combinations ({@code --certificate}
 * with {@code --pkey}; {@code --mtls} with both and {@code --clientcas}) and their PEM files have
 * been loaded into a {@link io.immudb.server.tls.ServerTls}. A flag given on the command line wins
 * over its environment variable, which wins over the built-in default.
 *
 * <p><b>Thread-safety:</b> {@code ServerConfig} is immutable; builders and commands are not
 * thread-safe.
 *
 * <p><b>Exceptions:</b> invalid values throw {@link io.immudb.server.config.ConfigException};
 * malformed command lines throw picocli's {@code ParameterException}.
 */
package io.immudb.server.config;
