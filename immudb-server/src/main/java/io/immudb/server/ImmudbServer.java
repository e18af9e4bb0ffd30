package io.immudb.server;

import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.immudb.server.auth.PasswordHasher;
import io.immudb.server.auth.TokenManager;
import io.immudb.server.auth.UserStore;
import io.immudb.server.config.ServerConfig;
import io.immudb.server.consistency.ConsistencyCheckOptions;
import io.immudb.server.consistency.ConsistencyChecker;
import io.immudb.server.db.DataDirectory;
import io.immudb.server.db.DatabaseRegistry;
import io.immudb.server.grpc.ImmuServices;
import io.immudb.server.signing.StateSigner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running immudb server: the data directory (locked), the databases, the users and tokens, and
 * the gRPC endpoint.
 *
 * <p>{@link #start} opens everything and starts listening; {@link #close} (idempotent) stops
 * accepting calls, lets in-flight calls finish, then closes every store cleanly. Thread-safe.
 */
public final class ImmudbServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImmudbServer.class);

  private final DataDirectory dataDir;
  private final DatabaseRegistry registry;
  private final Server grpc;
  private final ExecutorService executor;
  private final ConsistencyChecker checker;
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
      ConsistencyChecker checker) {
    this.checker = checker;
    this.executor = executor;
    this.dataDir = dataDir;
    this.registry = registry;
    this.grpc = grpc;
  }

  /** Opens the data directory and starts serving. */
  public static ImmudbServer start(ServerConfig cfg) throws IOException {
    DataDirectory dir = DataDirectory.open(cfg.dir());
    DatabaseRegistry registry = null;
    ExecutorService executor = rpcExecutor();
    try {
      registry = DatabaseRegistry.open(cfg.dir(), cfg.synced());
      UserStore users = new UserStore(registry, new PasswordHasher(10), Clock.systemUTC());
      users.ensureSysadmin(cfg.adminPassword());
      TokenManager tokens = new TokenManager(users, registry, cfg.tokenExpiry(), Clock.systemUTC());
      List<ServerInterceptor> interceptors = new ArrayList<>();
      if (cfg.signingKey().isPresent()) {
        StateSigner signer = StateSigner.load(cfg.signingKey().get());
        interceptors.add(ImmuServices.signing(signer, tokens, cfg.auth()));
      }
      // The last interceptor sees a call first: it sets up the token context and the uuid header.
      interceptors.add(ImmuServices.interceptor(dir.identifier()));
      Server server =
          NettyServerBuilder.forAddress(new InetSocketAddress(cfg.address(), cfg.port()))
              .maxInboundMessageSize(cfg.maxRecvMsgSize())
              .executor(executor)
              .callExecutor(ImmuServices.callExecutors())
              .addService(
                  ServerInterceptors.intercept(
                      ImmuServices.service(
                          registry,
                          users,
                          tokens,
                          cfg.auth(),
                          cfg.maintenance(),
                          cfg.maxRecvMsgSize(),
                          executor),
                      interceptors))
              .build()
              .start();
      ConsistencyChecker checker = null;
      if (cfg.consistencyCheck()) {
        checker =
            new ConsistencyChecker(
                registry,
                new ConsistencyCheckOptions(
                    cfg.consistencyCheckInterval(),
                    cfg.consistencyCheckTxs(),
                    cfg.consistencyCheckSamples(),
                    ConsistencyCheckOptions.DEFAULT_BYTES_PER_ROUND),
                new SplittableRandom());
        checker.start();
      }
      return new ImmudbServer(dir, registry, server, executor, checker);
    } catch (IOException | RuntimeException e) {
      executor.shutdown();
      if (registry != null) {
        registry.close();
      }
      dir.close();
      throw e;
    }
  }

  /** The port the server listens on (useful with port 0). */
  public int port() {
    return grpc.getPort();
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
    grpc.shutdown();
    try {
      if (!grpc.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("calls still running after 30 s; cancelling them");
        grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdown();
    if (checker != null) {
      checker.close();
    }
    try {
      registry.close();
    } finally {
      dataDir.close();
    }
  }
}
