package io.immudb.server.metrics;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The gRPC server metrics of go-grpc-prometheus, under its names and labels, so that dashboards
 * made for immudb keep working: {@code grpc_server_started_total}, {@code
 * grpc_server_handled_total} (with {@code grpc_code} spelled as Go spells it, e.g. {@code
 * NotFound}), {@code grpc_server_msg_received_total}, {@code grpc_server_msg_sent_total} and,
 * unless disabled, the {@code grpc_server_handling_seconds} histogram (Prometheus' default
 * buckets). Each call also counts for its client address in {@link ClientActivity}.
 *
 * <p>Per call it costs two map look-ups, a few counter increments and, with histograms, one
 * observation: the label children of each method are looked up once and kept.
 *
 * <p><b>Thread-safety:</b> safe for concurrent use.
 */
final class GrpcMetrics implements ServerInterceptor {
  private static final String[] LABELS = {"grpc_type", "grpc_service", "grpc_method"};
  private static final String[] GO_CODE_NAMES = goCodeNames();

  private final Counter started;
  private final Counter handled;
  private final Counter received;
  private final Counter sent;
  private final Histogram latency;
  private final ClientActivity clients;
  private final Map<String, MethodMetrics> methods = new ConcurrentHashMap<>();

  /**
   * Registers the metrics in {@code registry}; without {@code histograms} no latency is recorded.
   */
  GrpcMetrics(PrometheusRegistry registry, boolean histograms, ClientActivity clients) {
    this.clients = clients;
    started =
        Counter.builder()
            .name("grpc_server_started_total")
            .help("Total number of RPCs started on the server.")
            .labelNames(LABELS)
            .withoutExemplars()
            .register(registry);
    handled =
        Counter.builder()
            .name("grpc_server_handled_total")
            .help("Total number of RPCs completed on the server, regardless of success or failure.")
            .labelNames("grpc_type", "grpc_service", "grpc_method", "grpc_code")
            .withoutExemplars()
            .register(registry);
    received =
        Counter.builder()
            .name("grpc_server_msg_received_total")
            .help("Total number of RPC stream messages received on the server.")
            .labelNames(LABELS)
            .withoutExemplars()
            .register(registry);
    sent =
        Counter.builder()
            .name("grpc_server_msg_sent_total")
            .help("Total number of gRPC stream messages sent by the server.")
            .labelNames(LABELS)
            .withoutExemplars()
            .register(registry);
    latency =
        histograms
            ? Histogram.builder()
                .name("grpc_server_handling_seconds")
                .help(
                    "Histogram of response latency (seconds) of gRPC that had been application-level"
                        + " handled by the server.")
                .labelNames(LABELS)
                .classicOnly()
                .withoutExemplars()
                .register(registry)
            : null;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    long startNanos = System.nanoTime();
    MethodMetrics m =
        methods.computeIfAbsent(
            call.getMethodDescriptor().getFullMethodName(),
            k -> new MethodMetrics(call.getMethodDescriptor()));
    m.started.inc();
    clients.record(clientIp(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
    AtomicBoolean done = new AtomicBoolean();
    ServerCall<Q, R> counted =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void sendMessage(R message) {
            super.sendMessage(message);
            m.sent.inc();
          }

          @Override
          public void close(Status status, Metadata trailers) {
            if (done.compareAndSet(false, true)) {
              m.finish(status.getCode(), startNanos);
            }
            super.close(status, trailers);
          }
        };
    return new SimpleForwardingServerCallListener<>(next.startCall(counted, headers)) {
      @Override
      public void onMessage(Q message) {
        m.received.inc();
        super.onMessage(message);
      }

      @Override
      public void onCancel() {
        if (done.compareAndSet(false, true)) {
          m.finish(Status.Code.CANCELLED, startNanos);
        }
        super.onCancel();
      }
    };
  }

  /** The client's IP address, or the address text for non-IP transports (in-process). */
  static String clientIp(SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet) {
      return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
    }
    return remote == null ? "unknown" : remote.toString();
  }

  /** Go's {@code codes.Code.String()} for a gRPC code, e.g. {@code NOT_FOUND -> NotFound}. */
  static String goCodeName(Status.Code code) {
    return GO_CODE_NAMES[code.value()];
  }

  private static String[] goCodeNames() {
    Status.Code[] codes = Status.Code.values();
    String[] names = new String[codes.length];
    for (Status.Code c : codes) {
      names[c.value()] =
          switch (c) {
            case OK -> "OK";
            case CANCELLED -> "Canceled";
            default -> {
              StringBuilder sb = new StringBuilder();
              for (String part : c.name().split("_")) {
                sb.append(part.charAt(0))
                    .append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
              }
              yield sb.toString();
            }
          };
    }
    return names;
  }

  private static String grpcType(MethodDescriptor.MethodType t) {
    return switch (t) {
      case UNARY -> "unary";
      case CLIENT_STREAMING -> "client_stream";
      case SERVER_STREAMING -> "server_stream";
      case BIDI_STREAMING, UNKNOWN -> "bidi_stream";
    };
  }

  /** The label children of one method, looked up once. */
  private final class MethodMetrics {
    final String[] labels;
    final CounterDataPoint started;
    final CounterDataPoint received;
    final CounterDataPoint sent;
    final DistributionDataPoint latency;
    final AtomicReferenceArray<CounterDataPoint> handledByCode =
        new AtomicReferenceArray<>(GO_CODE_NAMES.length);

    MethodMetrics(MethodDescriptor<?, ?> d) {
      String service = d.getServiceName() == null ? "unknown" : d.getServiceName();
      String method = d.getBareMethodName() == null ? d.getFullMethodName() : d.getBareMethodName();
      labels = new String[] {grpcType(d.getType()), service, method};
      started = GrpcMetrics.this.started.labelValues(labels);
      received = GrpcMetrics.this.received.labelValues(labels);
      sent = GrpcMetrics.this.sent.labelValues(labels);
      latency =
          GrpcMetrics.this.latency == null ? null : GrpcMetrics.this.latency.labelValues(labels);
    }

    void finish(Status.Code code, long startNanos) {
      CounterDataPoint h = handledByCode.get(code.value());
      if (h == null) {
        h = handled.labelValues(labels[0], labels[1], labels[2], goCodeName(code));
        handledByCode.set(code.value(), h);
      }
      h.inc();
      if (latency != null) {
        latency.observe((System.nanoTime() - startNanos) / 1e9);
      }
    }
  }
}
