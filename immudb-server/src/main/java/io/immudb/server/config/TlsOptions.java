package io.immudb.server.config;

import io.immudb.server.tls.ServerTls;
import io.immudb.server.tls.TlsFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's TLS files: {@code --certificate}, {@code --pkey}, {@code --clientcas} and {@code
 * --mtls} of {@code ServerFlags}, which holds their defaults. They are checked by {@link #load()},
 * which {@link ServerConfig} calls once. Immutable and thread-safe.
 *
 * @param certificate the server's PEM certificate chain, leaf first; with {@code pkey}, TLS
 * @param pkey the PEM private key of {@code certificate}
 * @param clientCas the PEM bundle of the CAs that sign client certificates; read only with {@code
 *     mtls}
 * @param mtls whether clients must present a certificate signed by one of {@code clientCas}
 */
public record TlsOptions(
    Optional<Path> certificate, Optional<Path> pkey, Optional<Path> clientCas, boolean mtls) {
  /** Checks for nulls only; see {@link #load()}. */
  public TlsOptions {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(pkey, "pkey");
    Objects.requireNonNull(clientCas, "clientCas");
  }

  /**
   * Reads and checks the files: the identity they describe, or empty for plaintext.
   *
   * @throws ConfigException naming the flag at fault, if a flag needed by another is missing, or a
   *     file can't be read, holds no valid PEM, or the key does not belong to the certificate
   */
  public Optional<ServerTls> load() {
    try {
      return ServerTls.fromFlags(
          certificate.orElse(null), pkey.orElse(null), clientCas.orElse(null), mtls);
    } catch (TlsFileException e) {
      throw new ConfigException(e.flag(), e.getMessage());
    }
  }
}
