package io.immudb.server;

import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.immudb.http.WebServer;
import io.immudb.legacy.LegacyLedgers;
import io.immudb.legacy.LegacyServices;
import io.immudb.ops.PidFile;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.auth.LoginThrottle;
import io.immudb.server.auth.PasswordHasher;
import io.immudb.server.auth.UserStore;
import io.immudb.server.config.LimitOptions;
import io.immudb.server.config.NetworkOptions;
import io.immudb.server.config.ServerCommand;
import io.immudb.server.config.ServerConfig;
import io.immudb.server.consistency.ConsistencyChecker;
import io.immudb.server.db.DataDirectory;
import io.immudb.server.db.DatabaseRegistry;
import io.immudb.server.grpc.ClientAddress;
import io.immudb.server.grpc.ImmuServices;
import io.immudb.server.legacy.ServerLegacyHost;
import io.immudb.server.metrics.MetricsEndpoint;
import io.immudb.server.metrics.ServerMetrics;
import io.immudb.server.signing.StateSigner;
import io.immudb.server.tls.ServerTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running immudb server: the data directory (locked), the databases, the users and tokens, the
 * gRPC endpoint and, if configured, the REST API (immudb-http) and the metrics and health endpoint.
 *
 * <p>{@link #start} first starts the metrics endpoint (alive, not ready), then opens everything,
 * starts listening for gRPC and marks the endpoint ready; {@link #close} (idempotent) stops
 * accepting calls, lets in-flight calls finish, then closes every store cleanly. Thread-safe.
 */
public final class ImmudbServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImmudbServer.class);

  private final DataDirectory dataDir;
  private final DatabaseRegistry registry;
  private final Server grpc;
  private final ExecutorService executor;
  private final MetricsEndpoint metrics;
  private final PidFile pidFile; // null without --pidfile
  private final ConsistencyChecker checker; // null with --consistency-check=false
  private final Server legacy; // null without --legacy-port
  private final LegacyLedgers legacyLedgers; // null without --legacy-port
  private final WebServer web; // null with --web-server=false
  private boolean closed;

  /**
   * The threads calls run on (and the proofs of calls that waited for a commit without holding a
   * thread). Unbounded, as gRPC's default, since reads may block waiting for the index.
   */
  private static ExecutorService rpcExecutor() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, "immudb-rpc-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  private ImmudbServer(
      DataDirectory dataDir,
      DatabaseRegistry registry,
      Server grpc,
      ExecutorService executor,
      MetricsEndpoint metrics,
      PidFile pidFile,
      ConsistencyChecker checker,
      Server legacy,
      LegacyLedgers legacyLedgers,
      WebServer web) {
    this.web = web;
    this.checker = checker;
    this.legacy = legacy;
    this.legacyLedgers = legacyLedgers;
    this.executor = executor;
    this.metrics = metrics;
    this.pidFile = pidFile;
    this.dataDir = dataDir;
    this.registry = registry;
    this.grpc = grpc;
  }

  /**
   * Opens (and locks) the data directory, writes the pid file if configured, and starts serving;
   * the metrics endpoint, if on, speaks HTTPS with {@code --metrics-tls}, HTTP otherwise.
   *
   * @throws io.immudb.ops.ProcessAlreadyRunningException if the pid file names a live process
   */
  public static ImmudbServer start(ServerConfig cfg) throws IOException {
    return start(
        cfg, cfg.metrics().tls() ? cfg.serverTls().map(ServerTls::sslContext).orElse(null) : null);
  }

  /**
   * Opens the data directory and starts serving; the metrics endpoint, if on, speaks HTTPS with
   * {@code metricsTls} when it is non-null, plain HTTP otherwise.
   */
  public static ImmudbServer start(ServerConfig cfg, SSLContext metricsTls) throws IOException {
    ServerMetrics serverMetrics = null;
    MetricsEndpoint endpoint = null;
    if (cfg.metrics().server()) {
      serverMetrics = new ServerMetrics(!cfg.metrics().noHistograms(), Clock.systemUTC());
      endpoint =
          MetricsEndpoint.start(
              cfg.network().address(),
              cfg.metrics().port(),
              serverMetrics.registry(),
              ServerCommand.version(),
              metricsTls);
    }
    DataDirectory dir;
    try {
      dir = DataDirectory.open(cfg.storage().dir());
    } catch (IOException | RuntimeException e) {
      if (endpoint != null) {
        endpoint.close();
      }
      throw e;
    }
    DatabaseRegistry registry = null;
    PidFile pidFile = null;
    Server legacy = null;
    LegacyLedgers legacyLedgers = null;
    WebServer web = null;
    ExecutorService executor = rpcExecutor();
    try {
      if (cfg.process().pidfile().isPresent()) {
        pidFile = PidFile.create(cfg.process().pidfile().get());
      }
      registry = DatabaseRegistry.open(cfg.storage().dir(), cfg.storage().synced());
      UserStore users = new UserStore(registry, new PasswordHasher(10), Clock.systemUTC());
      users.ensureSysadmin(cfg.security().adminPassword());
      LoginSessions tokens =
          new LoginSessions(
              users,
              registry,
              cfg.security().tokenExpiry(),
              Clock.systemUTC(),
              new LoginThrottle(
                  cfg.limits().maxConcurrentLogins(),
                  cfg.limits().maxFailedLogins(),
                  Clock.systemUTC()));
      List<ServerInterceptor> interceptors = new ArrayList<>();
      StateSigner signer = null;
      if (cfg.security().signingKey().isPresent()) {
        signer = StateSigner.load(cfg.security().signingKey().get());
        interceptors.add(ImmuServices.signing(signer, tokens, cfg.security().auth()));
      }
      // The last interceptor sees a call first: it sets up the token context and the uuid header.
      interceptors.add(new ClientAddress());
      interceptors.add(ImmuServices.interceptor(dir.identifier()));
      if (serverMetrics != null) {
        serverMetrics.bind(registry, tokens);
        interceptors.add(serverMetrics.interceptor()); // outermost: counts refused calls too
      }
      ServerServiceDefinition service =
          ServerInterceptors.intercept(
              ImmuServices.service(
                  registry,
                  users,
                  tokens,
                  cfg.security().auth(),
                  cfg.storage().maintenance(),
                  cfg.network().maxRecvMsgSize(),
                  executor),
              interceptors);
      if (cfg.web().server()) {
        // The same definition, interceptors included: REST calls meet the same checks (http.md).
        // Started first, so that once the gRPC port accepts (what -d waits for) REST is up too.
        web = RestApi.start(cfg, service);
      }
      Server server =
          listener(cfg)
              .maxInboundMessageSize(cfg.network().maxRecvMsgSize())
              .directExecutor()
              .callExecutor(ImmuServices.callExecutors(executor))
              .addService(service)
              .build()
              .start();
      if (cfg.network().legacyPort().isPresent()) {
        ServerLegacyHost host =
            new ServerLegacyHost(
                registry,
                users,
                tokens,
                cfg.security().auth(),
                cfg.storage().maintenance(),
                Optional.ofNullable(signer));
        legacyLedgers = new LegacyLedgers(host, Duration.ofSeconds(1));
        InetSocketAddress at =
            new InetSocketAddress(cfg.network().address(), cfg.network().legacyPort().getAsInt());
        legacy =
            limited(NettyServerBuilder.forAddress(at), cfg.limits())
                .maxInboundMessageSize(cfg.network().maxRecvMsgSize())
                .executor(executor)
                .addService(
                    ServerInterceptors.intercept( // the immudb-uuid header, as on the v1.1 port
                        LegacyServices.service(
                            host, legacyLedgers, "immudb " + ImmuServices.VERSION),
                        new ClientAddress(),
                        ImmuServices.interceptor(dir.identifier())))
                .build()
                .start();
        LOG.info(
            "v0.8 API (immudb4j 0.1.8) on {}:{} without TLS (plaintext)",
            cfg.network().address(),
            legacy.getPort());
      }
      ConsistencyChecker checker = null;
      if (cfg.consistencyCheck().isPresent()) {
        checker =
            new ConsistencyChecker(registry, cfg.consistencyCheck().get(), new SplittableRandom());
        if (legacyLedgers != null) {
          LegacyLedgers ledgers = legacyLedgers;
          SplittableRandom legacyRandom = new SplittableRandom();
          int samples = cfg.consistencyCheck().get().samplesPerRound();
          checker.alsoCheck(
              db -> {
                if (!db.name().equals("systemdb")) {
                  try {
                    ledgers.current(db).checkSample(legacyRandom, samples);
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }
              });
        }
        checker.start();
      }
      if (serverMetrics != null && checker != null) {
        serverMetrics.bindConsistencyChecker(checker);
      }
      if (endpoint != null) {
        endpoint.markReady();
      }
      return new ImmudbServer(
          dir, registry, server, executor, endpoint, pidFile, checker, legacy, legacyLedgers, web);
    } catch (IOException | RuntimeException e) {
      if (endpoint != null) {
        endpoint.close();
      }
      if (web != null) {
        web.close();
      }
      if (legacy != null) {
        legacy.shutdownNow();
      }
      if (legacyLedgers != null) {
        legacyLedgers.close();
      }
      executor.shutdown();
      if (registry != null) {
        registry.close();
      }
      if (pidFile != null) {
        pidFile.close();
      }
      dir.close();
      throw e;
    }
  }

  /** {@code b} with the per-connection limits of {@code limits} (docs/server.md, "Limits"). */
  private static NettyServerBuilder limited(NettyServerBuilder b, LimitOptions limits) {
    b.maxInboundMetadataSize(limits.maxMetadataSize())
        .maxConcurrentCallsPerConnection(limits.maxCallsPerConnection());
    if (!limits.maxConnectionIdle().isZero()) {
      b.maxConnectionIdle(limits.maxConnectionIdle().toMillis(), TimeUnit.MILLISECONDS);
    }
    return b;
  }

  /** A gRPC server builder on the configured address: plaintext, TLS or mutual TLS. */
  private static NettyServerBuilder listener(ServerConfig cfg) {
    return limited(plainOrTls(cfg), cfg.limits());
  }

  private static NettyServerBuilder plainOrTls(ServerConfig cfg) {
    NetworkOptions net = cfg.network();
    InetSocketAddress at = new InetSocketAddress(net.address(), net.port());
    if (cfg.serverTls().isEmpty()) {
      LOG.info("gRPC on {}:{} without TLS (plaintext)", net.address(), net.port());
      return NettyServerBuilder.forAddress(at);
    }
    ServerTls tls = cfg.serverTls().get();
    if (!tls.mutual() && cfg.tls().clientCas().isPresent()) {
      LOG.warn("--clientcas is ignored: client certificates are only checked with --mtls");
    }
    LOG.info("gRPC on {}:{} with {}", net.address(), net.port(), tls.describe());
    return NettyServerBuilder.forAddress(at, tls.grpcCredentials());
  }

  /** The port of the v0.8 API (useful with port 0); empty without {@code --legacy-port}. */
  public OptionalInt legacyPort() {
    return legacy == null ? OptionalInt.empty() : OptionalInt.of(legacy.getPort());
  }

  /** The port the server listens on (useful with port 0). */
  public int port() {
    return grpc.getPort();
  }

  /** The REST API's bound port (useful with port 0); empty with {@code --web-server=false}. */
  public OptionalInt webPort() {
    return web == null ? OptionalInt.empty() : OptionalInt.of(web.port());
  }

  /** The metrics endpoint's bound port (useful with port 0); empty if it is off. */
  public OptionalInt metricsPort() {
    return metrics == null ? OptionalInt.empty() : OptionalInt.of(metrics.port());
  }

  /** The server's identity, sent as {@code immudb-uuid}. */
  public String identifier() {
    return dataDir.identifier();
  }

  /** The background consistency checker, unless {@code --consistency-check=false}. */
  public Optional<ConsistencyChecker> consistencyChecker() {
    return Optional.ofNullable(checker);
  }

  /** The databases this server serves. */
  public DatabaseRegistry registry() {
    return registry;
  }

  /** Blocks until the server has shut down. */
  public void awaitTermination() throws InterruptedException {
    grpc.awaitTermination();
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (metrics != null) {
      metrics.markNotReady();
    }
    if (web != null) {
      web.close(); // lets running REST calls finish before gRPC stops
    }
    grpc.shutdown();
    if (legacy != null) {
      legacy.shutdown();
    }
    try {
      if (!grpc.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("calls still running after 30 s; cancelling them");
        grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      if (legacy != null && !legacy.awaitTermination(30, TimeUnit.SECONDS)) {
        legacy.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdown();
    if (checker != null) {
      checker.close();
    }
    try {
      if (legacyLedgers != null) {
        legacyLedgers.close(); // before the databases it reads
      }
      registry.close();
    } finally {
      try {
        if (pidFile != null) {
          pidFile.close();
        }
      } finally {
        try {
          dataDir.close();
        } finally {
          if (metrics != null) {
            metrics.close();
          }
        }
      }
    }
  }
}
