package io.immudb.bench.load;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.immudb.proto.Entry;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceStub;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.NamedParam;
import io.immudb.proto.SQLExecRequest;
import io.immudb.proto.SQLExecResult;
import io.immudb.proto.SQLQueryRequest;
import io.immudb.proto.SQLValue;
import io.immudb.proto.SetRequest;
import java.io.PrintStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The {@code sql} benchmark (issue 13's targets): four phases against one running server, in one
 * run, each with {@code clients} closed-loop clients ({@link ServerLoad}'s machinery):
 *
 * <ol>
 *   <li>{@code set}: key-value {@code Set}, one entry per call (the peer of {@code insert});
 *   <li>{@code insert}: {@code SQLExec} of {@value #INSERT} with parameters, one row per call, into
 *       a table made for the run;
 *   <li>{@code get}: {@code Get} of random keys the {@code set} phase wrote (the peer of {@code
 *       select});
 *   <li>{@code select}: {@code SQLQuery} of {@value #SELECT}, a point lookup by primary key of a
 *       random row the {@code insert} phase wrote.
 * </ol>
 *
 * <p>Rows are {@code (id INTEGER, v BLOB[valueLen])} with a random value of {@code valueLen} bytes,
 * so a row carries what a {@code Set} entry carries. Client {@code c} inserts ids {@code c·2^40 +
 * 0, 1, 2…}; so the table holds no duplicates, and a select knows which ids exist.
 *
 * <p>Not thread-safe: {@link #run} is called from one thread.
 */
public final class SqlLoad {
  static final String INSERT = "INSERT INTO <table>(id, v) VALUES (@id, @v)";
  static final String SELECT = "SELECT id, v FROM <table> WHERE id = @id";
  private static final long CLIENT_STRIDE = 1L << 40;

  private SqlLoad() {}

  /** The four phases' results. */
  public record Result(
      ServerResult set, ServerResult insert, ServerResult get, ServerResult select) {
    /** One JSON line: each phase's rate and latencies, and the two ratios of issue 13. */
    public String toJson() {
      JsonLine line =
          new JsonLine()
              .put("mode", "sql")
              .put("clients", set.spec().clients())
              .put("seconds", set.spec().seconds());
      phase(line, "set", set);
      phase(line, "insert", insert);
      phase(line, "get", get);
      phase(line, "select", select);
      return line.put("insert_to_set", insert.txPerSecond() / set.txPerSecond(), 3)
          .put("select_to_get", select.txPerSecond() / get.txPerSecond(), 3)
          .toString();
    }

    /** Whether any phase had no successful measured call. */
    public boolean failed() {
      return set.failed() || insert.failed() || get.failed() || select.failed();
    }

    private static void phase(JsonLine line, String name, ServerResult r) {
      line.put(name + "_per_s", r.txPerSecond(), 1)
          .put(name + "_p50_ms", r.latencyMicros().getValueAtPercentile(50) / 1e3, 3)
          .put(name + "_p99_ms", r.latencyMicros().getValueAtPercentile(99) / 1e3, 3)
          .put(name + "_errors", r.errors());
    }
  }

  /**
   * Runs the four phases of {@code spec} (its batch must be 1 and it must not be verified).
   *
   * @throws io.grpc.StatusRuntimeException if the login or the CREATE TABLE fails
   * @throws IllegalArgumentException if the spec asks for batches or proofs
   */
  public static Result run(ServerLoadSpec spec, PrintStream log) {
    if (spec.batch() != 1 || spec.verified() || !spec.api().equals("v1")) {
      throw new IllegalArgumentException("sql: one entry per call, v1 API, no --verified");
    }
    String table = "bench_sql_" + System.currentTimeMillis();
    V1Api api = new V1Api();
    createTable(spec, api, table);
    log.printf("sql: table %s (id INTEGER, v BLOB[%d])%n", table, spec.valueLen());

    log.println("sql: phase 1/4, set");
    SetRequest[][] written = ServerKeys.generate(spec.clients(), 1, spec.keyLen(), spec.valueLen());
    // How many of each client's keys, from its first on, the server acknowledged: the keys the
    // get phase may ask for. Clients differ in speed, so an average of the calls would overshoot.
    AtomicLongArray acknowledged = new AtomicLongArray(spec.clients());
    ServerResult set =
        ServerLoad.run(
            spec,
            log,
            api,
            (c, ch, md) -> {
              ServerCall calls = api.client(ch, md, written[c], false);
              return new ServerCall() {
                private long sent;

                @Override
                public void send(long lastSeen, Reply reply) {
                  long i = sent++;
                  calls.send(
                      lastSeen,
                      new Reply() {
                        @Override
                        public void succeeded(long seen) {
                          acknowledged.compareAndSet(c, i, i + 1);
                          reply.succeeded(seen);
                        }

                        @Override
                        public void failed(Throwable t) {
                          reply.failed(t);
                        }
                      });
                }
              };
            });

    log.println("sql: phase 2/4, insert");
    AtomicLongArray nextId = new AtomicLongArray(spec.clients());
    ByteString[] values = values(spec.valueLen());
    String insertSql = INSERT.replace("<table>", table);
    ServerResult insert =
        ServerLoad.run(
            spec,
            log,
            api,
            (c, ch, md) -> {
              ImmuServiceStub stub = stub(ch, md);
              return (lastSeen, reply) -> {
                long i = nextId.getAndIncrement(c);
                SQLExecRequest req =
                    SQLExecRequest.newBuilder()
                        .setSql(insertSql)
                        .addParams(param("id", SQLValue.newBuilder().setN(c * CLIENT_STRIDE + i)))
                        .addParams(
                            param(
                                "v",
                                SQLValue.newBuilder().setBs(values[(int) (i % values.length)])))
                        .build();
                deadline(stub).sQLExec(req, ServerCall.observer(reply, SqlLoad::lastTx));
              };
            });

    log.println("sql: phase 3/4, get");
    // A Get does not wait for the index (sinceTx 0); the first one of the phase waits until the
    // set phase's last tx is indexed, so that no acknowledged key is missing from the index.
    long indexedFrom = set.lastTxId();
    ServerResult get =
        ServerLoad.run(
            spec,
            log,
            api,
            (c, ch, md) -> {
              ImmuServiceStub stub = stub(ch, md);
              SplittableRandom rnd = new SplittableRandom(c);
              int known = (int) Math.max(1, Math.min(written[c].length, acknowledged.get(c)));
              return (lastSeen, reply) -> {
                ByteString key = written[c][rnd.nextInt(known)].getKVs(0).getKey();
                KeyRequest.Builder req = KeyRequest.newBuilder().setKey(key);
                if (lastSeen == 0) {
                  req.setSinceTx(indexedFrom);
                }
                deadline(stub).get(req.build(), ServerCall.observer(reply, Entry::getTx));
              };
            });

    log.println("sql: phase 4/4, select");
    String selectSql = SELECT.replace("<table>", table);
    ServerResult select =
        ServerLoad.run(
            spec,
            log,
            api,
            (c, ch, md) -> {
              ImmuServiceStub stub = stub(ch, md);
              SplittableRandom rnd = new SplittableRandom(1000L + c);
              long inserted = Math.max(1, nextId.get(c));
              return (lastSeen, reply) -> {
                long id = c * CLIENT_STRIDE + rnd.nextLong(inserted);
                SQLQueryRequest req =
                    SQLQueryRequest.newBuilder()
                        .setSql(selectSql)
                        .addParams(param("id", SQLValue.newBuilder().setN(id)))
                        .build();
                deadline(stub).sQLQuery(req, ServerCall.observer(reply, r -> r.getRowsCount()));
              };
            });
    return new Result(set, insert, get, select);
  }

  private static void createTable(ServerLoadSpec spec, V1Api api, String table) {
    ManagedChannel ch =
        ManagedChannelBuilder.forAddress(spec.address(), spec.port()).usePlaintext().build();
    try {
      String token = api.login(ch, spec.user(), spec.password(), spec.database());
      ImmuServiceGrpc.newBlockingStub(ch)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(ServerLoad.bearer(token)))
          .withDeadlineAfter(ServerClient.CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
          .sQLExec(
              SQLExecRequest.newBuilder()
                  .setSql(
                      "CREATE TABLE "
                          + table
                          + " (id INTEGER, v BLOB["
                          + spec.valueLen()
                          + "], PRIMARY KEY id)")
                  .build());
    } finally {
      ch.shutdownNow();
    }
  }

  private static ImmuServiceStub stub(io.grpc.Channel ch, Metadata md) {
    return ImmuServiceGrpc.newStub(ch)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
  }

  private static ImmuServiceStub deadline(ImmuServiceStub stub) {
    return stub.withDeadlineAfter(ServerClient.CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  private static NamedParam param(String name, SQLValue.Builder value) {
    return NamedParam.newBuilder().setName(name).setValue(value).build();
  }

  private static long lastTx(SQLExecResult r) {
    return r.getDtxsCount() == 0 ? 0 : r.getDtxs(r.getDtxsCount() - 1).getId();
  }

  private static ByteString[] values(int valueLen) {
    SplittableRandom rnd = new SplittableRandom(7);
    ByteString[] v = new ByteString[256];
    for (int i = 0; i < v.length; i++) {
      byte[] b = new byte[valueLen];
      rnd.nextBytes(b);
      v[i] = ByteString.copyFrom(b);
    }
    return v;
  }
}
