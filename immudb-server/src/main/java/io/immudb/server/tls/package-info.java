/**
 * TLS for the server's listeners: the PEM files of {@code --certificate}, {@code --pkey} and {@code
 * --clientcas} loaded once into a {@link io.immudb.server.tls.ServerTls}, which gives gRPC server
 * credentials and a JDK {@code SSLContext} for any other TLS endpoint of the server.
 *
 * <p><b>Invariants:</b> a {@code ServerTls} holds a non-empty certificate chain whose first
 * certificate matches the private key; under mutual TLS it also holds at least one trusted client
 * CA.
 *
 * <p><b>Thread-safety:</b> {@code ServerTls} is immutable and thread-safe.
 *
 * <p><b>Exceptions:</b> files that cannot be read or hold no usable PEM throw {@link
 * io.immudb.server.tls.TlsFileException}, which names the flag the file came from.
 */
package io.immudb.server.tls;
