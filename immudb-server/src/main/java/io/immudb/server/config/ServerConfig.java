package io.immudb.server.config;

import io.immudb.server.consistency.ConsistencyCheckOptions;
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
  private final boolean consistencyCheck;
  private final Duration consistencyCheckInterval;
  private final int consistencyCheckTxs;
  private final int consistencyCheckSamples;

  private ServerConfig(Builder b) {
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
    this.consistencyCheck = b.consistencyCheck;
    this.consistencyCheckInterval = b.consistencyCheckInterval;
    this.consistencyCheckTxs = b.consistencyCheckTxs;
    this.consistencyCheckSamples = b.consistencyCheckSamples;
  }

  /** A builder holding every default of {@link ServerCommand}. */
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
        + ", consistencyCheck="
        + consistencyCheck
        + ", consistencyCheckInterval="
        + consistencyCheckInterval
        + ", consistencyCheckTxs="
        + consistencyCheckTxs
        + ", consistencyCheckSamples="
        + consistencyCheckSamples
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
    private boolean consistencyCheck = true;
    private Duration consistencyCheckInterval = ConsistencyCheckOptions.DEFAULT_INTERVAL;
    private int consistencyCheckTxs = ConsistencyCheckOptions.DEFAULT_TXS_PER_ROUND;
    private int consistencyCheckSamples = ConsistencyCheckOptions.DEFAULT_SAMPLES_PER_ROUND;

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
      return new ServerConfig(this);
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
