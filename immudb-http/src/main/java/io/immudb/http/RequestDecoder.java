package io.immudb.http;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds the request message of a route from an HTTP request, as {@code google.api.HttpRule} says:
 * the JSON body (proto3 JSON mapping: bytes in base64, 64-bit integers as strings or numbers) into
 * the whole message ({@code body: "*"}) or into one field, then the path variables; without a body,
 * the query parameters fill the remaining fields ({@code ?atTx=3}, dotted paths for nested fields,
 * repeated by repeating the name). Unknown JSON fields are refused. Thread-safe (immutable).
 */
final class RequestDecoder {
  private final JsonFormat.Parser parser = JsonFormat.parser();

  /** A request the client got wrong; becomes INVALID_ARGUMENT (HTTP 400) with this text. */
  static final class BadRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequestException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The request message for {@code route}.
   *
   * @param body the request body as text; blank is an empty message
   * @param rawQuery the raw (percent-encoded) query string, or null
   * @throws BadRequestException naming what is wrong: malformed JSON, an unknown field, a value
   *     that does not fit its field
   */
  Message decode(Route route, Map<String, String> pathVars, String body, String rawQuery)
      throws BadRequestException {
    Message.Builder b = HttpRules.requestPrototype(route).newBuilderForType();
    if (route.hasBody() && !body.isBlank()) {
      Message.Builder target =
          route.body().equals("*")
              ? b
              : b.getFieldBuilder(b.getDescriptorForType().findFieldByName(route.body()));
      try {
        parser.merge(body, target);
      } catch (InvalidProtocolBufferException | RuntimeException e) {
        throw new BadRequestException(
            "invalid JSON body for "
                + target.getDescriptorForType().getFullName()
                + ": "
                + e.getMessage(),
            e);
      }
    }
    for (Map.Entry<String, String> v : pathVars.entrySet()) {
      set(b, v.getKey(), v.getValue(), "path");
    }
    if (!route.body().equals("*") && rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (pathVars.containsKey(name)) {
          continue; // the path wins, as in grpc-gateway
        }
        set(b, name, value, "query");
      }
    }
    return b.build();
  }

  private static void set(Message.Builder b, String path, String value, String where)
      throws BadRequestException {
    try {
      FieldDescriptor f = FieldPaths.resolve(b.getDescriptorForType(), path);
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        throw new IllegalArgumentException(
            "'" + path + "' is a message field; set its fields with dotted names");
      }
      FieldPaths.set(b, path, value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("bad " + where + " parameter: " + e.getMessage(), e);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
