package io.immudb.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.immudb.proto.ImmuServiceGrpc;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
  private static final List<Route> ROUTES =
      HttpRules.routes(
          ImmuServiceGrpc.getServiceDescriptor(), HttpRules.readResource(HttpRules.IMMUDB_RULES));

  private static JsonObject doc() {
    return JsonParser.parseString(OpenApiDocument.render(ROUTES, "t", "1.1.0")).getAsJsonObject();
  }

  @Test
  void everyRouteIsAnOperation() {
    JsonObject paths = doc().getAsJsonObject("paths");
    int ops = paths.entrySet().stream().mapToInt(e -> e.getValue().getAsJsonObject().size()).sum();
    assertThat(ops).isEqualTo(ROUTES.size());
    JsonObject get = paths.getAsJsonObject("/db/get/{key}").getAsJsonObject("get");
    assertThat(get.get("operationId").getAsString()).isEqualTo("ImmuService_Get");
    JsonObject key = get.getAsJsonArray("parameters").get(0).getAsJsonObject();
    assertThat(key.get("in").getAsString()).isEqualTo("path");
    assertThat(key.getAsJsonObject("schema").get("format").getAsString()).isEqualTo("byte");
    assertThat(get.getAsJsonArray("parameters").toString()).contains("\"atTx\"", "\"sinceTx\"");
    JsonObject login = paths.getAsJsonObject("/login").getAsJsonObject("post");
    assertThat(login.getAsJsonArray("security")).isEmpty();
    assertThat(login.getAsJsonObject("requestBody").toString())
        .contains("#/components/schemas/immudb.schema.LoginRequest");
  }

  @Test
  void schemasFollowTheProto3JsonMapping() {
    JsonObject schemas = doc().getAsJsonObject("components").getAsJsonObject("schemas");
    JsonObject tx =
        schemas.getAsJsonObject("immudb.schema.TxMetadata").getAsJsonObject("properties");
    assertThat(tx.getAsJsonObject("id").get("type").getAsString()).isEqualTo("string");
    assertThat(tx.getAsJsonObject("id").get("format").getAsString()).isEqualTo("uint64");
    assertThat(tx.getAsJsonObject("eH").get("format").getAsString()).isEqualTo("byte");
    assertThat(tx.getAsJsonObject("nentries").get("type").getAsString()).isEqualTo("integer");
    // Every $ref resolves.
    String text = doc().toString();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z0-9_.]+)").matcher(text);
    while (m.find()) {
      assertThat(schemas.has(m.group(1))).as(m.group(1)).isTrue();
    }
    assertThat(schemas.has("google.rpc.Status")).isTrue();
  }

  @Test
  void thePageListsEveryRoute() {
    String page = DocsPage.render(ROUTES, "t", "1.1.0");
    for (Route r : ROUTES) {
      assertThat(page).contains("/api" + r.path().openApiPath());
    }
    assertThat(page).doesNotContain("http://", "https://");
  }
}
