package io.immudb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.Http;
import com.google.api.HttpRule;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.KeyRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRulesTest {
  private static final io.grpc.ServiceDescriptor SERVICE = ImmuServiceGrpc.getServiceDescriptor();

  private static List<Route> immudbRoutes() {
    return HttpRules.routes(SERVICE, HttpRules.readResource(HttpRules.IMMUDB_RULES));
  }

  private static Route find(List<Route> routes, String verb, String path) {
    return routes.stream()
        .filter(r -> r.httpMethod().equals(verb) && r.path().openApiPath().equals(path))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void immudbsTableMapsOntoTheServiceDescriptor() {
    List<Route> routes = immudbRoutes();
    assertThat(routes).hasSize(37);
    Route get = find(routes, "GET", "/db/get/{key}");
    assertThat(get.method().getName()).isEqualTo("Get");
    assertThat(get.grpcMethod().getFullMethodName()).isEqualTo("immudb.schema.ImmuService/Get");
    assertThat(get.hasBody()).isFalse();
    Route vset = find(routes, "POST", "/db/verifiable/set");
    assertThat(vset.method().getName()).isEqualTo("VerifiableSet");
    assertThat(vset.body()).isEqualTo("*");
    assertThat(find(routes, "GET", "/db/use/{databaseName}").method().getName())
        .isEqualTo("UseDatabase");
    assertThat(find(routes, "POST", "/db/list").method().getName()).isEqualTo("DatabaseList");
    // The streaming methods and the deprecated config calls have no route.
    assertThat(routes).noneMatch(r -> r.method().getName().startsWith("stream"));
    assertThat(routes).noneMatch(r -> r.method().getName().equals("UpdateAuthConfig"));
  }

  @Test
  void moreSpecificTemplatesComeFirst() {
    List<Route> routes = immudbRoutes();
    int tx = routes.indexOf(find(routes, "GET", "/db/tx/{tx}"));
    int vtx = routes.indexOf(find(routes, "GET", "/db/verifiable/tx/{tx}"));
    assertThat(vtx).isLessThan(tx);
  }

  @Test
  void theRequestIsBuiltFromPathQueryAndBody() throws Exception {
    List<Route> routes = immudbRoutes();
    RequestDecoder d = new RequestDecoder();
    KeyRequest get =
        (KeyRequest)
            d.decode(find(routes, "GET", "/db/get/{key}"), Map.of("key", "aGk"), "", "atTx=7");
    assertThat(get.getKey().toStringUtf8()).isEqualTo("hi");
    assertThat(get.getAtTx()).isEqualTo(7);
    var bad =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                d.decode(find(routes, "GET", "/db/get/{key}"), Map.of("key", "aGk"), "", "atTx=x"));
    assertThat(bad)
        .isInstanceOf(RequestDecoder.BadRequestException.class)
        .hasMessageContaining("atTx");
    var set =
        (io.immudb.proto.SetRequest)
            d.decode(
                find(routes, "POST", "/db/set"),
                Map.of(),
                "{\"KVs\":[{\"key\":\"aGk=\",\"value\":\"dg==\"}],\"noWait\":true}",
                null);
    assertThat(set.getKVs(0).getValue().toStringUtf8()).isEqualTo("v");
    assertThat(set.getNoWait()).isTrue();
  }

  @Test
  void aRuleThatDoesNotFitTheDescriptorIsRefused() {
    assertThatThrownBy(
            () ->
                HttpRules.routes(
                    SERVICE,
                    Http.newBuilder()
                        .addRules(
                            HttpRule.newBuilder()
                                .setSelector("immudb.schema.ImmuService.NoSuch")
                                .setGet("/x"))
                        .build()))
        .hasMessageContaining("names no method");
    assertThatThrownBy(
            () ->
                HttpRules.routes(
                    SERVICE,
                    Http.newBuilder()
                        .addRules(
                            HttpRule.newBuilder()
                                .setSelector("immudb.schema.ImmuService.streamGet")
                                .setGet("/x/{key}"))
                        .build()))
        .hasMessageContaining("not unary");
    assertThatThrownBy(
            () ->
                HttpRules.routes(
                    SERVICE,
                    Http.newBuilder()
                        .addRules(
                            HttpRule.newBuilder()
                                .setSelector("immudb.schema.ImmuService.Get")
                                .setGet("/x/{nokey}"))
                        .build()))
        .hasMessageContaining("no field 'nokey'");
  }
}
