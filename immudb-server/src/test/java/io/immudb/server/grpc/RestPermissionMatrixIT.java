package io.immudb.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.Http;
import com.google.api.HttpRule;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.immudb.http.WebServer;
import io.immudb.server.auth.Requirement;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission matrix over the REST API (issue 16, part 3): every route of immudb-http's rules
 * ({@code immudb-http-rules.textproto}, the table the REST server is built from) × every {@link
 * MatrixCaller} (no token, expired, logged out, deactivated user, token bound to another database,
 * read, read-write, admin, sysadmin), each answer checked against the same documented table
 * (docs/protocol.md §9.4) and by the same rule as {@link PermissionMatrixTest}, with the HTTP
 * status grpc-gateway gives the code. The REST server sits in front of the matrix's in-process
 * service, with the same users, sessions and clock.
 */
class RestPermissionMatrixIT {
  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  @TempDir static Path dir;
  private static MatrixFixture fx;
  private static WebServer web;
  private static RestClient rest;
  private static int cell;

  /** One route: the method it calls, its HTTP verb and path template, and its body rule. */
  record RestRoute(String method, String verb, String path, String body) {}

  @BeforeAll
  static void start() throws Exception {
    fx = new MatrixFixture(dir);
    web =
        WebServer.start(
            new InetSocketAddress("127.0.0.1", 0), fx.v1Service(), null, 1 << 20, "matrix");
    rest = new RestClient(web.port());
  }

  @AfterAll
  static void stop() throws Exception {
    web.close();
    fx.close();
  }

  /** The routes of the rules resource, additional bindings included. */
  static List<RestRoute> routes() throws Exception {
    Http.Builder http = Http.newBuilder();
    try (InputStream in =
        WebServer.class.getResourceAsStream("/io/immudb/http/immudb-http-rules.textproto")) {
      assertThat(in).as("immudb-http's rules resource").isNotNull();
      TextFormat.merge(new InputStreamReader(in, StandardCharsets.UTF_8), http);
    }
    List<RestRoute> out = new ArrayList<>();
    for (HttpRule rule : http.getRulesList()) {
      List<HttpRule> all = new ArrayList<>(List.of(rule));
      all.addAll(rule.getAdditionalBindingsList());
      String method = rule.getSelector().substring(rule.getSelector().lastIndexOf('.') + 1);
      for (HttpRule r : all) {
        String verb =
            switch (r.getPatternCase()) {
              case GET -> "GET";
              case POST -> "POST";
              case PUT -> "PUT";
              case DELETE -> "DELETE";
              case PATCH -> "PATCH";
              default -> throw new AssertionError("pattern of " + rule);
            };
        String path =
            switch (r.getPatternCase()) {
              case GET -> r.getGet();
              case POST -> r.getPost();
              case PUT -> r.getPut();
              case DELETE -> r.getDelete();
              default -> r.getPatch();
            };
        out.add(new RestRoute(method, verb, path, r.getBody()));
      }
    }
    return out;
  }

  @Test
  void everyRouteTimesEveryCallerAnswersAsTheTableSays() throws Exception {
    Map<String, Requirement> doc = PermissionTableDoc.v1();
    List<RestRoute> routes = routes();
    assertThat(routes).hasSizeGreaterThanOrEqualTo(30);
    List<String> failures = new ArrayList<>();
    int cells = 0;
    for (RestRoute route : routes) {
      Requirement r = doc.get(route.method());
      assertThat(r).as("docs/protocol.md §9.4 row for %s", route.method()).isNotNull();
      MatrixAnswer sys = call(route, MatrixCaller.SYSADMIN);
      MatrixAnswer sysWant =
          PermissionMatrixTest.SYSADMIN_NOT_OK.getOrDefault(route.method(), MatrixAnswer.OK);
      if (!sys.equals(sysWant)) {
        failures.add(route + " × SYSADMIN: " + sys + ", want " + sysWant);
      }
      for (MatrixCaller p : MatrixCaller.values()) {
        MatrixAnswer a = p == MatrixCaller.SYSADMIN ? sys : call(route, p);
        cells++;
        String why = PermissionMatrixTest.check(route.method(), r, p, a, sys);
        if (why != null) {
          failures.add(
              route.verb()
                  + " "
                  + route.path()
                  + " ("
                  + r
                  + ") × "
                  + p
                  + ": "
                  + a
                  + ", want "
                  + why);
        }
      }
    }
    assertThat(failures).as("REST cells that disagree with docs/protocol.md §9.4").isEmpty();
    assertThat(cells).isEqualTo(routes.size() * MatrixCaller.values().length);
  }

  /** Calls {@code route} as {@code p} with the matrix's minimal request of its method. */
  private static MatrixAnswer call(RestRoute route, MatrixCaller p) throws Exception {
    List<Message> reqs = PermissionMatrixTest.REQUESTS.get(route.method()).apply(cell++);
    assertThat(reqs).as("one request for %s", route.method()).hasSize(1);
    Message req = reqs.get(0);
    String path = route.path();
    Matcher m = VARIABLE.matcher(path);
    StringBuilder filled = new StringBuilder();
    List<String> used = new ArrayList<>();
    while (m.find()) {
      FieldDescriptor f = req.getDescriptorForType().findFieldByName(m.group(1));
      assertThat(f).as("field %s of %s", m.group(1), route).isNotNull();
      used.add(f.getName());
      m.appendReplacement(filled, Matcher.quoteReplacement(pathValue(req.getField(f))));
    }
    m.appendTail(filled);
    String body = null;
    if (route.body().equals("*")) {
      body = JsonFormat.printer().print(req);
    } else {
      assertThat(route.body()).as("body rule of %s", route).isEmpty();
      for (FieldDescriptor f : req.getAllFields().keySet()) {
        assertThat(used).as("%s sends only path fields", route).contains(f.getName());
      }
    }
    RestClient.Answer a = rest.call(route.verb(), "/api" + filled, body, fx.token(p));
    if (a.status() == 200) {
      return MatrixAnswer.OK;
    }
    Status.Code code = Status.fromCodeValue(a.obj().get("code").getAsInt()).getCode();
    assertThat(a.status())
        .as("HTTP status of %s on %s", code, route)
        .isEqualTo(RestPermissionsIT.expectedHttpStatus(code));
    return new MatrixAnswer(code, a.str("message"));
  }

  private static String pathValue(Object v) {
    if (v instanceof ByteString b) {
      return Base64.getUrlEncoder().encodeToString(b.toByteArray());
    }
    return URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8);
  }
}
