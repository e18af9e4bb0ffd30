package io.immudb.server.config;

import io.immudb.server.consistency.ConsistencyCheckOptions;
import io.immudb.server.tls.ServerTls;
import io.immudb.server.tls.TlsFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's settings, one field per command-line flag of {@link ServerCommand}. Immutable and
 * thread-safe; build with {@link #builder()}, which validates.
 */
public final class ServerConfig {
  /** Default inbound message limit: 32 MiB (spec v1 §9.1). */
  public static final int DEFAULT_MAX_RECV_MSG_SIZE = 32 << 20;

  private final Path dir;
  private final String address;
  private final int port;
  private final boolean auth;
  private final String adminPassword;
  private final int maxRecvMsgSize;
  private final boolean synced;
  private final boolean maintenance;
  private final boolean devMode;
  private final Path signingKey;
  private final Duration tokenExpiry;
  // Process management and logging.
  private final Path pidfile;
  private final Path logfile;
  private final LogFormat logFormat;
  private final LogLevel logLevel;
  private final boolean detached;
  private final boolean consistencyCheck;
  private final Duration consistencyCheckInterval;
  private final int consistencyCheckTxs;
  private final int consistencyCheckSamples;
  private final boolean metricsServer;
  private final int metricsServerPort;
  private final boolean noHistograms;
  private final boolean metricsTls;
  private final Path certificate;
  private final Path pkey;
  private final Path clientCas;
  private final boolean mtls;
  private final ServerTls tls;

  private ServerConfig(Builder b, ServerTls tls) {
    this.dir = b.dir;
    this.address = b.address;
    this.port = b.port;
    this.auth = b.auth;
    this.adminPassword = b.adminPassword;
    this.maxRecvMsgSize = b.maxRecvMsgSize;
    this.synced = b.synced;
    this.maintenance = b.maintenance;
    this.devMode = b.devMode;
    this.signingKey = b.signingKey;
    this.tokenExpiry = b.tokenExpiry;
    this.pidfile = b.pidfile;
    this.logfile = b.logfile;
    this.logFormat = b.logFormat;
    this.logLevel = b.logLevel;
    this.detached = b.detached;
    this.consistencyCheck = b.consistencyCheck;
    this.consistencyCheckInterval = b.consistencyCheckInterval;
    this.consistencyCheckTxs = b.consistencyCheckTxs;
    this.consistencyCheckSamples = b.consistencyCheckSamples;
    this.metricsServer = b.metricsServer;
    this.metricsServerPort = b.metricsServerPort;
    this.noHistograms = b.noHistograms;
    this.metricsTls = b.metricsTls;
    this.certificate = b.certificate;
    this.pkey = b.pkey;
    this.clientCas = b.clientCas;
    this.mtls = b.mtls;
    this.tls = tls;
  }

  /**
   * A builder holding every default of {@link ServerCommand}, except that the metrics server is
   * off: a program or test embedding the server opts in with {@link Builder#metricsServer}, so that
   * it never binds port 9497 by surprise.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The data directory holding the databases, the lock and the identifier. */
  public Path dir() {
    return dir;
  }

  public String address() {
    return address;
  }

  public int port() {
    return port;
  }

  /** Whether logins and tokens are required. */
  public boolean auth() {
    return auth;
  }

  /** The password the {@code immudb} sysadmin gets when it is first created. */
  public String adminPassword() {
    return adminPassword;
  }

  public int maxRecvMsgSize() {
    return maxRecvMsgSize;
  }

  /** Whether a commit returns only once it is on disk. */
  public boolean synced() {
    return synced;
  }

  public boolean maintenance() {
    return maintenance;
  }

  public boolean devMode() {
    return devMode;
  }

  /** Path of a PEM EC private key to sign states with (spec v1 §8.3), if configured. */
  public Optional<Path> signingKey() {
    return Optional.ofNullable(signingKey);
  }

  /** How long a login token stays valid. */
  public Duration tokenExpiry() {
    return tokenExpiry;
  }

  /** Whether the metrics and health server runs (on {@link #address()}). */
  public boolean metricsServer() {
    return metricsServer;
  }

  /** The metrics server's port; 0 picks a free one. */
  public int metricsServerPort() {
    return metricsServerPort;
  }

  /** Whether latency histograms ({@code grpc_server_handling_seconds}) are left out. */
  public boolean noHistograms() {
    return noHistograms;
  }

  /**
   * {@code --metrics-tls}: whether the metrics endpoint speaks HTTPS with the server's certificate.
   */
  public boolean metricsTls() {
    return metricsTls;
  }

  /** {@code --certificate}: the server's PEM certificate chain, if configured. */
  public Optional<Path> certificate() {
    return Optional.ofNullable(certificate);
  }

  /** {@code --pkey}: the PEM private key of {@link #certificate()}, if configured. */
  public Optional<Path> pkey() {
    return Optional.ofNullable(pkey);
  }

  /** {@code --clientcas}: the PEM bundle of client CAs, if configured (used only with mTLS). */
  public Optional<Path> clientCas() {
    return Optional.ofNullable(clientCas);
  }

  /** {@code --mtls}: whether clients must present a certificate signed by a client CA. */
  public boolean mtls() {
    return mtls;
  }

  /**
   * The TLS identity loaded (and checked) from {@code --certificate}, {@code --pkey} and, with
   * {@code --mtls}, {@code --clientcas}; empty when the server speaks plaintext.
   */
  public Optional<ServerTls> tls() {
    return Optional.ofNullable(tls);
  }

  /** The file holding the server's process id while it runs, if configured. */
  public Optional<Path> pidfile() {
    return Optional.ofNullable(pidfile);
  }

  /** The file the log is appended to, if configured; otherwise the log goes to stderr. */
  public Optional<Path> logfile() {
    return Optional.ofNullable(logfile);
  }

  /** The format of log lines. */
  public LogFormat logFormat() {
    return logFormat;
  }

  /** The lowest level logged. */
  public LogLevel logLevel() {
    return logLevel;
  }

  /** Whether {@code immudb} starts the server as a background process and returns. */
  public boolean detached() {
    return detached;
  }

  /** Whether the background consistency checker runs. */
  public boolean consistencyCheck() {
    return consistencyCheck;
  }

  /** The consistency checker's pause between rounds. */
  public Duration consistencyCheckInterval() {
    return consistencyCheckInterval;
  }

  /** Most newly committed txs the consistency checker re-verifies per database per round. */
  public int consistencyCheckTxs() {
    return consistencyCheckTxs;
  }

  /** Older txs the consistency checker re-verifies at random per database per round. */
  public int consistencyCheckSamples() {
    return consistencyCheckSamples;
  }

  @Override
  public String toString() {
    return "ServerConfig{dir="
        + dir
        + ", address="
        + address
        + ", port="
        + port
        + ", auth="
        + auth
        + ", maxRecvMsgSize="
        + maxRecvMsgSize
        + ", synced="
        + synced
        + ", maintenance="
        + maintenance
        + ", devMode="
        + devMode
        + ", signingKey="
        + signingKey
        + ", tokenExpiry="
        + tokenExpiry
        + ", pidfile="
        + pidfile
        + ", logfile="
        + logfile
        + ", logFormat="
        + logFormat
        + ", logLevel="
        + logLevel
        + ", detached="
        + detached
        + ", consistencyCheck="
        + consistencyCheck
        + ", consistencyCheckInterval="
        + consistencyCheckInterval
        + ", consistencyCheckTxs="
        + consistencyCheckTxs
        + ", consistencyCheckSamples="
        + consistencyCheckSamples
        + ", metricsServer="
        + metricsServer
        + ", metricsServerPort="
        + metricsServerPort
        + ", noHistograms="
        + noHistograms
        + ", certificate="
        + certificate
        + ", pkey="
        + pkey
        + ", clientCas="
        + clientCas
        + ", mtls="
        + mtls
        + "}";
  }

  /** Builder of {@link ServerConfig}. Not thread-safe. */
  public static final class Builder {
    private Path dir = Path.of("./data");
    private String address = "0.0.0.0";
    private int port = 3322;
    private boolean auth = true;
    private String adminPassword = "immudb";
    private int maxRecvMsgSize = DEFAULT_MAX_RECV_MSG_SIZE;
    private boolean synced = true;
    private boolean maintenance;
    private boolean devMode;
    private Path signingKey;
    private Duration tokenExpiry = Duration.ofHours(24);
    private Path pidfile;
    private Path logfile;
    private LogFormat logFormat = LogFormat.TEXT;
    private LogLevel logLevel = LogLevel.INFO;
    private boolean detached;
    private boolean consistencyCheck = true;
    private Duration consistencyCheckInterval = ConsistencyCheckOptions.DEFAULT_INTERVAL;
    private int consistencyCheckTxs = ConsistencyCheckOptions.DEFAULT_TXS_PER_ROUND;
    private int consistencyCheckSamples = ConsistencyCheckOptions.DEFAULT_SAMPLES_PER_ROUND;
    private boolean metricsServer;
    private int metricsServerPort = 9497;
    private boolean noHistograms;
    private boolean metricsTls;
    private Path certificate;
    private Path pkey;
    private Path clientCas;
    private boolean mtls;

    private Builder() {}

    public Builder dir(Path v) {
      dir = Objects.requireNonNull(v, "dir");
      return this;
    }

    public Builder address(String v) {
      address = Objects.requireNonNull(v, "address");
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder auth(boolean v) {
      auth = v;
      return this;
    }

    public Builder adminPassword(String v) {
      adminPassword = Objects.requireNonNull(v, "adminPassword");
      return this;
    }

    public Builder maxRecvMsgSize(int v) {
      maxRecvMsgSize = v;
      return this;
    }

    public Builder synced(boolean v) {
      synced = v;
      return this;
    }

    public Builder maintenance(boolean v) {
      maintenance = v;
      return this;
    }

    public Builder devMode(boolean v) {
      devMode = v;
      return this;
    }

    /** Sets the signing key path; {@code null} means no signing. */
    public Builder signingKey(Path v) {
      signingKey = v;
      return this;
    }

    public Builder tokenExpiry(Duration v) {
      tokenExpiry = Objects.requireNonNull(v, "tokenExpiry");
      return this;
    }

    public Builder metricsServer(boolean v) {
      metricsServer = v;
      return this;
    }

    public Builder metricsServerPort(int v) {
      metricsServerPort = v;
      return this;
    }

    public Builder metricsTls(boolean v) {
      metricsTls = v;
      return this;
    }

    public Builder noHistograms(boolean v) {
      noHistograms = v;
      return this;
    }

    /** Sets the server's PEM certificate chain; with {@link #pkey}, TLS. {@code null}: unset. */
    public Builder certificate(Path v) {
      certificate = v;
      return this;
    }

    /** Sets the PEM private key of the certificate; {@code null}: unset. */
    public Builder pkey(Path v) {
      pkey = v;
      return this;
    }

    /** Sets the PEM bundle of CAs that sign client certificates; {@code null}: unset. */
    public Builder clientCas(Path v) {
      clientCas = v;
      return this;
    }

    /** Requires client certificates (needs certificate, pkey and clientCas). */
    public Builder mtls(boolean v) {
      mtls = v;
      return this;
    }

    /** Sets the pid file; {@code null} means none. */
    public Builder pidfile(Path v) {
      pidfile = v;
      return this;
    }

    /** Sets the log file; {@code null} means standard error. */
    public Builder logfile(Path v) {
      logfile = v;
      return this;
    }

    public Builder logFormat(LogFormat v) {
      logFormat = Objects.requireNonNull(v, "logFormat");
      return this;
    }

    public Builder logLevel(LogLevel v) {
      logLevel = Objects.requireNonNull(v, "logLevel");
      return this;
    }

    public Builder detached(boolean v) {
      detached = v;
      return this;
    }

    public Builder consistencyCheck(boolean v) {
      consistencyCheck = v;
      return this;
    }

    public Builder consistencyCheckInterval(Duration v) {
      consistencyCheckInterval = Objects.requireNonNull(v, "consistencyCheckInterval");
      return this;
    }

    public Builder consistencyCheckTxs(int v) {
      consistencyCheckTxs = v;
      return this;
    }

    public Builder consistencyCheckSamples(int v) {
      consistencyCheckSamples = v;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws ConfigException naming the first invalid setting
     */
    public ServerConfig build() {
      if (port < 0 || port > 65535) {
        throw new ConfigException("port", "port must be between 0 and 65535, got " + port);
      }
      if (metricsServerPort < 0 || metricsServerPort > 65535) {
        throw new ConfigException(
            "metrics-server-port",
            "metrics-server-port must be between 0 and 65535, got " + metricsServerPort);
      }
      if (metricsServer && metricsServerPort != 0 && metricsServerPort == port) {
        throw new ConfigException(
            "metrics-server-port", "metrics-server-port must differ from port, both are " + port);
      }
      if (maxRecvMsgSize <= 0) {
        throw new ConfigException(
            "max-recv-msg-size", "max-recv-msg-size must be > 0, got " + maxRecvMsgSize);
      }
      if (tokenExpiry.isNegative() || tokenExpiry.isZero()) {
        throw new ConfigException("token-expiry", "token-expiry must be > 0, got " + tokenExpiry);
      }
      if (address.isBlank()) {
        throw new ConfigException("address", "address must not be empty");
      }
      if (adminPassword.isEmpty()) {
        throw new ConfigException("admin-password", "admin-password must not be empty");
      }
      checkConsistencyCheck();
      checkDirWritable(dir);
      if (signingKey != null && !Files.isReadable(signingKey)) {
        throw new ConfigException(
            "signingKey", "signingKey " + signingKey + " is not a readable file");
      }
      ServerTls tls;
      try {
        tls = ServerTls.fromFlags(certificate, pkey, clientCas, mtls).orElse(null);
      } catch (TlsFileException e) {
        throw new ConfigException(e.flag(), e.getMessage());
      }
      checkNotADirectory("pidfile", pidfile);
      checkNotADirectory("logfile", logfile);
      if (detached && port == 0) {
        throw new ConfigException(
            "detached", "detached needs a fixed port to wait for; port 0 picks a random one");
      }
      if (metricsTls && tls == null) {
        throw new ConfigException(
            "metrics-tls", "metrics-tls needs --certificate and --pkey (the server's own)");
      }
      return new ServerConfig(this, tls);
    }

    private void checkConsistencyCheck() {
      if (consistencyCheckInterval.isNegative() || consistencyCheckInterval.isZero()) {
        throw new ConfigException(
            "consistency-check-interval",
            "consistency-check-interval must be > 0, got " + consistencyCheckInterval);
      }
      if (consistencyCheckTxs <= 0) {
        throw new ConfigException(
            "consistency-check-txs",
            "consistency-check-txs must be > 0, got " + consistencyCheckTxs);
      }
      if (consistencyCheckSamples < 0) {
        throw new ConfigException(
            "consistency-check-samples",
            "consistency-check-samples must be >= 0, got " + consistencyCheckSamples);
      }
    }

    private static void checkNotADirectory(String setting, Path file) {
      if (file != null && Files.isDirectory(file)) {
        throw new ConfigException(
            setting, setting + " " + file + " is a directory; give a file name");
      }
    }

    private static void checkDirWritable(Path dir) {
      Path abs = dir.toAbsolutePath().normalize();
      if (Files.exists(abs)) {
        if (!Files.isDirectory(abs)) {
          throw new ConfigException("dir", "dir " + dir + " exists and is not a directory");
        }
        if (!Files.isWritable(abs)) {
          throw new ConfigException("dir", "dir " + dir + " is not writable");
        }
        return;
      }
      Path parent = abs.getParent();
      while (parent != null && !Files.exists(parent)) {
        parent = parent.getParent();
      }
      if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
        throw new ConfigException(
            "dir", "dir " + dir + " cannot be created: " + parent + " is not a writable directory");
      }
    }
  }
}
