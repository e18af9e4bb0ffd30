package io.immudb.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/** Configures an {@link ImmuClient}. Not thread-safe; {@link #build} may be called repeatedly. */
public final class ImmuClientBuilder {
  String address = "localhost";
  int port = 3322;
  String database = "defaultdb";
  StateHolder stateHolder = StateHolder.inMemory();
  byte[] serverSigningKey;
  Duration deadline = Duration.ofSeconds(30);
  int maxInboundMessageSize = 32 << 20;
  String user;
  String password;

  ImmuClientBuilder() {}

  /** The server's host name or IP address (default localhost). */
  public ImmuClientBuilder address(String address) {
    this.address = Objects.requireNonNull(address, "address");
    return this;
  }

  /** The server's gRPC port (default 3322). */
  public ImmuClientBuilder port(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, got " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * The credentials {@link ImmuClient#login()} uses. With them, a call refused because the session
   * expired or was ended logs in again and is retried once.
   */
  public ImmuClientBuilder credentials(String user, String password) {
    this.user = Objects.requireNonNull(user, "user");
    this.password = Objects.requireNonNull(password, "password");
    return this;
  }

  /** The database {@link ImmuClient#login} switches to (default defaultdb). */
  public ImmuClientBuilder database(String database) {
    this.database = Objects.requireNonNull(database, "database");
    return this;
  }

  /** Where trusted states are kept (default: in memory). */
  public ImmuClientBuilder stateHolder(StateHolder holder) {
    this.stateHolder = Objects.requireNonNull(holder, "holder");
    return this;
  }

  /** Keeps trusted states in files in {@code dir}; same as {@code StateHolder.inDirectory}. */
  public ImmuClientBuilder stateFolder(Path dir) {
    return stateHolder(StateHolder.inDirectory(dir));
  }

  /**
   * The server's state-signing public key, as a PEM file ({@code -----BEGIN PUBLIC KEY-----}, e.g.
   * from {@code openssl ec -in ec.key -pubout}). With it, every state the client trusts must carry
   * a valid signature.
   *
   * @throws UncheckedIOException if the file can't be read
   * @throws IllegalArgumentException if it is not an EC public key in PEM
   */
  public ImmuClientBuilder serverSigningKey(Path pemFile) {
    String pem;
    try {
      pem = Files.readString(pemFile);
    } catch (IOException e) {
      throw new UncheckedIOException("can't read the server signing key " + pemFile, e);
    }
    this.serverSigningKey = publicKeyPoint(pem);
    return this;
  }

  /** The uncompressed point of the EC public key in {@code pem}. */
  static byte[] publicKeyPoint(String pem) {
    String b64 =
        pem.replaceAll("-----BEGIN PUBLIC KEY-----", "")
            .replaceAll("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      ECPublicKey k =
          (ECPublicKey)
              KeyFactory.getInstance("EC")
                  .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
      return io.immudb.core.state.StateSignatures.publicKeyBytes(k);
    } catch (java.security.GeneralSecurityException
        | IllegalArgumentException
        | ClassCastException e) {
      throw new IllegalArgumentException("not a PEM EC public key: " + e.getMessage(), e);
    }
  }

  /** The longest any call may take (default 30 s). */
  public ImmuClientBuilder deadline(Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive");
    }
    this.deadline = deadline;
    return this;
  }

  /** The largest answer accepted, in bytes (default 32 MiB, as the server's limit). */
  public ImmuClientBuilder maxInboundMessageSize(int bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("maxInboundMessageSize must be at least 1024");
    }
    this.maxInboundMessageSize = bytes;
    return this;
  }

  /** A connected client (the connection is made lazily, on the first call). */
  public ImmuClient build() {
    return new ImmuClient(this);
  }
}
