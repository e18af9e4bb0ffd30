package io.immudb.http;

import com.google.api.Http;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.MethodDescriptor.PrototypeMarshaller;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The routes of a gRPC service, derived from its descriptor and a table of {@code
 * google.api.HttpRule}s: each rule's selector names a unary method, its pattern gives the HTTP
 * method and path, and its {@code body}/{@code response_body} say where JSON goes. The table of
 * {@code immudb.schema.ImmuService} is the resource {@code immudb-http-rules.textproto} (immudb
 * v1.1.0's {@code google.api.http} options). Nothing here knows any route by name.
 */
final class HttpRules {
  /** The resource holding ImmuService's rules, next to this class. */
  static final String IMMUDB_RULES = "immudb-http-rules.textproto";

  private HttpRules() {}

  /** Reads a {@code google.api.Http} message in text format from a resource next to this class. */
  static Http readResource(String name) {
    try (InputStream in = HttpRules.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
      Http.Builder http = Http.newBuilder();
      TextFormat.merge(r, http);
      return http.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /**
   * The routes {@code rules} define over {@code service}, most specific first (more segments, then
   * more literal segments), so that the first match wins.
   *
   * @throws IllegalArgumentException if a rule names an unknown or streaming method, a field the
   *     request lacks, or a path template this transcoder does not match; or if two rules have the
   *     same method and path
   */
  static List<Route> routes(io.grpc.ServiceDescriptor service, Http rules) {
    if (!(service.getSchemaDescriptor() instanceof ProtoServiceDescriptorSupplier supplier)) {
      throw new IllegalArgumentException(service.getName() + " is not a protobuf service");
    }
    ServiceDescriptor proto = supplier.getServiceDescriptor();
    List<Route> routes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (HttpRule rule : rules.getRulesList()) {
      routes.add(route(service, proto, rule));
      for (HttpRule extra : rule.getAdditionalBindingsList()) {
        routes.add(
            route(service, proto, extra.toBuilder().setSelector(rule.getSelector()).build()));
      }
    }
    for (Route r : routes) {
      if (!seen.add(r.httpMethod() + " " + r.path().openApiPath())) {
        throw new IllegalArgumentException("two rules for " + r.httpMethod() + " " + r.path());
      }
    }
    routes.sort(
        Comparator.comparingInt((Route r) -> -r.path().openApiPath().split("/").length)
            .thenComparingInt(r -> -r.path().literalCount()));
    return List.copyOf(routes);
  }

  @SuppressWarnings("unchecked")
  private static Route route(
      io.grpc.ServiceDescriptor service, ServiceDescriptor proto, HttpRule rule) {
    String selector = rule.getSelector();
    int dot = selector.lastIndexOf('.');
    if (dot < 0 || !selector.substring(0, dot).equals(proto.getFullName())) {
      throw new IllegalArgumentException(
          "rule selector " + selector + " is not a method of " + proto.getFullName());
    }
    MethodDescriptor method = proto.findMethodByName(selector.substring(dot + 1));
    if (method == null) {
      throw new IllegalArgumentException("rule selector " + selector + " names no method");
    }
    io.grpc.MethodDescriptor<?, ?> grpc =
        service.getMethods().stream()
            .filter(m -> Objects.equals(m.getBareMethodName(), method.getName()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no gRPC method " + selector));
    if (grpc.getType() != MethodType.UNARY) {
      throw new IllegalArgumentException(selector + " is not unary; only unary methods map");
    }
    if (!(grpc.getRequestMarshaller() instanceof PrototypeMarshaller<?>)
        || !(grpc.getResponseMarshaller() instanceof PrototypeMarshaller<?>)) {
      throw new IllegalArgumentException(selector + " does not use protobuf marshallers");
    }
    String verb;
    String path;
    switch (rule.getPatternCase()) {
      case GET -> {
        verb = "GET";
        path = rule.getGet();
      }
      case POST -> {
        verb = "POST";
        path = rule.getPost();
      }
      case PUT -> {
        verb = "PUT";
        path = rule.getPut();
      }
      case DELETE -> {
        verb = "DELETE";
        path = rule.getDelete();
      }
      case PATCH -> {
        verb = "PATCH";
        path = rule.getPatch();
      }
      default ->
          throw new IllegalArgumentException(
              selector + ": unsupported pattern " + rule.getPatternCase());
    }
    PathTemplate template = PathTemplate.parse(path);
    Descriptor request = method.getInputType();
    for (String variable : template.variables()) {
      FieldDescriptor f = FieldPaths.resolve(request, variable);
      if (f.isRepeated() || f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        throw new IllegalArgumentException(
            selector + ": path variable " + variable + " not scalar");
      }
    }
    String body = rule.getBody();
    if (!body.isEmpty() && !body.equals("*")) {
      FieldDescriptor f = request.findFieldByName(body);
      if (f == null || f.isRepeated() || f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        throw new IllegalArgumentException(selector + ": body must be '*' or a message field");
      }
    }
    FieldDescriptor responseBody = null;
    if (!rule.getResponseBody().isEmpty()) {
      responseBody = method.getOutputType().findFieldByName(rule.getResponseBody());
      if (responseBody == null) {
        throw new IllegalArgumentException(
            selector + ": no response field " + rule.getResponseBody());
      }
    }
    return new Route(
        verb,
        template,
        method,
        (io.grpc.MethodDescriptor<Message, Message>) grpc,
        body,
        responseBody);
  }

  /** The request prototype of {@code route}, from its gRPC marshaller. */
  static Message requestPrototype(Route route) {
    return (Message)
        ((PrototypeMarshaller<?>) route.grpcMethod().getRequestMarshaller()).getMessagePrototype();
  }
}
