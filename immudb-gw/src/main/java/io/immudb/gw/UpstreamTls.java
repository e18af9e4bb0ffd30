package io.immudb.gw;

import java.nio.file.Path;

/**
 * immuclient's TLS flags for the connection to the server: {@code --tls}, {@code --mtls} with
 * {@code --certificate}/{@code --pkey}, {@code --clientcas}, {@code --servername}; files null when
 * unset. Immutable.
 */
public record UpstreamTls(
    boolean tls, boolean mtls, String serverName, Path certificate, Path pkey, Path clientCas) {
  /** Plaintext. */
  public static UpstreamTls none() {
    return new UpstreamTls(false, false, null, null, null, null);
  }

  /** Whether the connection uses TLS. */
  public boolean enabled() {
    return tls || mtls;
  }
}
