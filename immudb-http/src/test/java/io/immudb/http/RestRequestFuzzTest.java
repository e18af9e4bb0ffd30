package io.immudb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.Message;
import io.immudb.proto.ImmuServiceGrpc;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The REST front door's request side fed arbitrary requests (issue 16, part 1): the route match of
 * {@link Transcoder} (path templates over {@code /api/...}) and {@link RequestDecoder} (JSON body
 * in proto3's JSON mapping, path variables, query parameters). The input is {@code method ‖ path ‖
 * 0x00 ‖ query ‖ 0x00 ‖ body}; requests whose target is not a URI are skipped, as the HTTP server
 * answers them 400 before our code runs.
 *
 * <p>Property: each request matches no route, or one whose request message is built, or is refused
 * with a {@link RequestDecoder.BadRequestException} (HTTP 400); no other exception escapes (it
 * would be a 500 for the caller). What the decoded message then does is the gRPC handler's
 * business, fuzzed by the server's {@code RpcFuzzTest}.
 */
class RestRequestFuzzTest {
  private static final List<Route> ROUTES =
      HttpRules.routes(
          ImmuServiceGrpc.getServiceDescriptor(), HttpRules.readResource(HttpRules.IMMUDB_RULES));
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
  private static final RequestDecoder DECODER = new RequestDecoder();

  @FuzzTest(maxDuration = "3s")
  void requests(byte[] data) {
    if (data.length < 1) {
      return;
    }
    String method = METHODS[(data[0] & 0xff) % METHODS.length];
    String rest = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    String[] parts = rest.split("\0", 3);
    String path = parts[0];
    String query = parts.length > 1 ? parts[1] : "";
    String body = parts.length > 2 ? parts[2] : "";
    try {
      serve(method, path, query, body);
    } catch (RequestDecoder.BadRequestException | URISyntaxException refused) {
      // a 400, from us or from the HTTP server
    }
  }

  /**
   * What {@code Transcoder.serve} does up to the gRPC call; the message, or empty without route.
   */
  static Optional<Message> serve(String method, String path, String query, String body)
      throws RequestDecoder.BadRequestException, URISyntaxException {
    URI uri = new URI(Transcoder.PREFIX + path + (query.isEmpty() ? "" : "?" + query));
    String raw = uri.getRawPath();
    if (raw == null) {
      return Optional.empty();
    }
    String p = raw.length() > Transcoder.PREFIX.length() ? raw.substring(4) : "/";
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    for (Route r : ROUTES) {
      Optional<Map<String, String>> m = r.path().match(p);
      if (m.isPresent() && r.httpMethod().equals(method.toUpperCase(Locale.ROOT))) {
        return Optional.of(DECODER.decode(r, m.get(), body, uri.getRawQuery()));
      }
    }
    return Optional.empty();
  }

  /**
   * Found by this target in its first seconds: a query parameter named {@code .} (or any dotted
   * name with an empty part) resolved to no field and escaped as a {@code NullPointerException}, a
   * 500 for {@code GET /api/db/get/a2V5?.=3}. Now it is a 400 naming the parameter.
   */
  @Test
  void aQueryParameterWithAnEmptyNamePartIsABadRequest() {
    for (String query : List.of(".=3", "atTx.=3", ".atTx=3", "keyRequest..key=a2V5")) {
      assertThatThrownBy(() -> serve("GET", "/db/get/a2V5", query, ""))
          .as(query)
          .isInstanceOf(RequestDecoder.BadRequestException.class)
          .hasMessageContaining("bad query parameter")
          .hasMessageContaining("is not a field name or dotted path");
    }
  }

  private static final Path SEEDS =
      Path.of("src/test/resources/io/immudb/http/RestRequestFuzzTestInputs/requests");

  /**
   * The seeds are requests of the README's curl session and the docs: each decodes to a message.
   */
  @Test
  void seedsAreRequestsThatDecode() throws Exception {
    List<Path> seeds;
    try (var files = Files.list(SEEDS)) {
      seeds = files.sorted().toList();
    }
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(6);
    for (Path seed : seeds) {
      if (!seed.getFileName().toString().startsWith("seed-")) {
        continue; // a pinned finding
      }
      byte[] data = Files.readAllBytes(seed);
      String rest = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
      String[] parts = rest.split("\0", 3);
      Optional<Message> m =
          serve(METHODS[data[0]], parts[0], parts[1], parts.length > 2 ? parts[2] : "");
      assertThat(m).as(seed.toString()).isPresent();
    }
  }
}
