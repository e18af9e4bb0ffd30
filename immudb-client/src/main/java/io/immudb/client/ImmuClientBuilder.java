package io.immudb.client;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.immudb.client.internal.ClientTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Configures an {@link ImmuClient}. Not thread-safe; {@link #build} may be called repeatedly.
 *
 * <p>The connection is plaintext unless TLS is asked for with {@link #useTls()}, {@link
 * #trustCertificates} or {@link #clientCertificate}:
 *
 * <pre>{@code
 * ImmuClient client = ImmuClient.builder().address("db.example.com").port(3322)
 *     .trustCertificates(Path.of("ca.pem"))                              // verify the server
 *     .clientCertificate(Path.of("client.pem"), Path.of("client.key"))   // for --mtls servers
 *     .build();
 * }</pre>
 */
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
  boolean tls;
  List<X509Certificate> trustedCertificates;
  List<X509Certificate> clientChain;
  PrivateKey clientKey;
  String serverName;

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

  /**
   * Talks TLS to the server instead of plaintext (the default), verifying the server's certificate
   * against the JDK's default CAs unless {@link #trustCertificates} is given, and its name against
   * the address (or {@link #serverName}).
   */
  public ImmuClientBuilder useTls() {
    this.tls = true;
    return this;
  }

  /**
   * Trusts only the CAs in {@code pemFile} (one or more {@code -----BEGIN CERTIFICATE-----} blocks,
   * e.g. the server's {@code --clientcas} or the CA that signed its {@code --certificate}) instead
   * of the JDK's default CAs. Implies {@link #useTls()}.
   *
   * @throws java.io.UncheckedIOException if the file can't be read
   * @throws IllegalArgumentException if it holds no valid PEM certificate
   */
  public ImmuClientBuilder trustCertificates(Path pemFile) {
    return trustCertificates(ClientTls.readCertificates(pemFile));
  }

  /**
   * Trusts only the CA certificates {@code cas} instead of the JDK's default CAs. Implies {@link
   * #useTls()}.
   *
   * @throws IllegalArgumentException if {@code cas} is empty
   */
  public ImmuClientBuilder trustCertificates(List<X509Certificate> cas) {
    if (cas.isEmpty()) {
      throw new IllegalArgumentException("the list of trusted certificates is empty");
    }
    this.trustedCertificates = List.copyOf(cas);
    this.tls = true;
    return this;
  }

  /**
   * Presents a client certificate, as a server started with {@code --mtls} requires. {@code
   * certificatePem} holds the chain, leaf first; {@code keyPem} its unencrypted PKCS#8 private key
   * ({@code -----BEGIN PRIVATE KEY-----}; convert other forms with {@code openssl pkcs8 -topk8
   * -nocrypt}). Implies {@link #useTls()}.
   *
   * @throws java.io.UncheckedIOException if a file can't be read
   * @throws IllegalArgumentException if a file holds no usable PEM, or the key does not belong to
   *     the certificate
   */
  public ImmuClientBuilder clientCertificate(Path certificatePem, Path keyPem) {
    return clientCertificate(
        ClientTls.readCertificates(certificatePem), ClientTls.readPkcs8Key(keyPem));
  }

  /**
   * Presents {@code chain} (leaf first) with its private {@code key} for mutual TLS, for keys
   * loaded by the caller (e.g. from a key store or a traditional OpenSSL PEM file). Implies {@link
   * #useTls()}.
   *
   * @throws IllegalArgumentException if {@code chain} is empty or {@code key} does not belong to
   *     its first certificate
   */
  public ImmuClientBuilder clientCertificate(List<X509Certificate> chain, PrivateKey key) {
    Objects.requireNonNull(key, "key");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("the client certificate chain is empty");
    }
    ClientTls.checkKeyMatches(key, chain);
    this.clientChain = List.copyOf(chain);
    this.clientKey = key;
    this.tls = true;
    return this;
  }

  /**
   * The name the server's certificate must carry, when it differs from the address (e.g. connecting
   * to 10.0.0.5 whose certificate is for {@code db.example.com}). Also sent as the HTTP/2 {@code
   * :authority}. Default: the address.
   */
  public ImmuClientBuilder serverName(String serverName) {
    if (Objects.requireNonNull(serverName, "serverName").isBlank()) {
      throw new IllegalArgumentException("serverName must not be blank");
    }
    this.serverName = serverName;
    return this;
  }

  /**
   * A new channel with these settings (address, port, plaintext, TLS or mutual TLS, server name,
   * largest answer), for a program that speaks the wire protocol itself, e.g. immugw, which
   * forwards REST calls to the server; the caller owns it and shuts it down.
   */
  public ManagedChannel channel() {
    NettyChannelBuilder b =
        tls
            ? NettyChannelBuilder.forAddress(
                address, port, ClientTls.credentials(trustedCertificates, clientChain, clientKey))
            : NettyChannelBuilder.forAddress(address, port).usePlaintext();
    if (serverName != null) {
      b.overrideAuthority(serverName);
    }
    return b.maxInboundMessageSize(maxInboundMessageSize).build();
  }

  /** A connected client (the connection is made lazily, on the first call). */
  public ImmuClient build() {
    return new ImmuClient(this);
  }
}
