package io.immudb.http;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.0 document of a route table, generated from the routes and the message descriptors
 * alone: one operation per route (path variables as path parameters, the remaining scalar fields of
 * a body-less request as query parameters, the request message as the JSON body), and one schema
 * per message in the proto3 JSON mapping this API speaks (64-bit integers as strings, bytes as
 * base64 strings, enums by name). Every operation asks for a bearer token except those of {@code
 * publicMethods}. Stateless.
 */
final class OpenApiDocument {
  private OpenApiDocument() {}

  /** Methods immudb marks as needing no token (its {@code openapiv2_operation} options). */
  static final Set<String> PUBLIC_METHODS = Set.of("Login", "Health");

  /** The document as JSON text. */
  static String render(List<Route> routes, String title, String version) {
    JsonObject doc = new JsonObject();
    doc.addProperty("openapi", "3.0.3");
    JsonObject info = new JsonObject();
    info.addProperty("title", title);
    info.addProperty("version", version);
    info.addProperty(
        "description",
        "HTTP/JSON transcoding of the gRPC service, as immudb maps it (google.api.http rules)."
            + " Bytes are base64 strings, 64-bit integers decimal strings. Log in with POST"
            + " /api/login and send the token as 'Authorization: Bearer <token>'. Errors are"
            + " {code, message, details} with the HTTP status of the gRPC code.");
    doc.add("info", info);
    JsonArray servers = new JsonArray();
    JsonObject server = new JsonObject();
    server.addProperty("url", Transcoder.PREFIX);
    servers.add(server);
    doc.add("servers", servers);
    JsonArray security = new JsonArray();
    JsonObject bearer = new JsonObject();
    bearer.add("bearer", new JsonArray());
    security.add(bearer);
    doc.add("security", security);

    TreeMap<String, JsonObject> schemas = new TreeMap<>();
    Deque<Descriptor> pending = new ArrayDeque<>();
    Set<String> queued = new HashSet<>();
    TreeMap<String, JsonObject> paths = new TreeMap<>();
    for (Route r : routes) {
      JsonObject item = paths.computeIfAbsent(r.path().openApiPath(), p -> new JsonObject());
      item.add(r.httpMethod().toLowerCase(java.util.Locale.ROOT), operation(r, pending, queued));
    }
    Descriptor status = com.google.rpc.Status.getDescriptor();
    enqueue(status, pending, queued);
    while (!pending.isEmpty()) {
      Descriptor d = pending.pop();
      schemas.put(d.getFullName(), messageSchema(d, pending, queued));
    }
    JsonObject pathsJson = new JsonObject();
    paths.forEach(pathsJson::add);
    doc.add("paths", pathsJson);
    JsonObject components = new JsonObject();
    JsonObject schemasJson = new JsonObject();
    schemas.forEach(schemasJson::add);
    components.add("schemas", schemasJson);
    JsonObject schemes = new JsonObject();
    JsonObject bearerScheme = new JsonObject();
    bearerScheme.addProperty("type", "http");
    bearerScheme.addProperty("scheme", "bearer");
    bearerScheme.addProperty(
        "description", "the token of POST /api/login or GET /api/db/use/{databaseName}");
    schemes.add("bearer", bearerScheme);
    components.add("securitySchemes", schemes);
    doc.add("components", components);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(doc);
  }

  private static JsonObject operation(Route r, Deque<Descriptor> pending, Set<String> queued) {
    JsonObject op = new JsonObject();
    op.addProperty("operationId", r.operationId());
    JsonArray tags = new JsonArray();
    tags.add(r.method().getService().getName());
    op.add("tags", tags);
    op.addProperty("summary", "gRPC " + r.method().getFullName());
    if (PUBLIC_METHODS.contains(r.method().getName())) {
      op.add("security", new JsonArray());
    }
    Descriptor input = r.method().getInputType();
    JsonArray params = new JsonArray();
    for (String v : r.path().variables()) {
      params.add(parameter(v, "path", FieldPaths.resolve(input, v), true));
    }
    if (!r.hasBody()) {
      queryParameters(input, "", r.path().variables(), params, 0);
    }
    if (params.size() > 0) {
      op.add("parameters", params);
    }
    if (r.hasBody()) {
      Descriptor bodyType =
          r.body().equals("*") ? input : input.findFieldByName(r.body()).getMessageType();
      JsonObject body = new JsonObject();
      body.addProperty("required", true);
      body.add("content", jsonContent(ref(bodyType, pending, queued)));
      op.add("requestBody", body);
    }
    JsonObject responses = new JsonObject();
    JsonObject ok = new JsonObject();
    ok.addProperty("description", "A successful response.");
    JsonObject okSchema =
        r.responseBody() == null
            ? ref(r.method().getOutputType(), pending, queued)
            : fieldSchema(r.responseBody(), pending, queued);
    ok.add("content", jsonContent(okSchema));
    responses.add("200", ok);
    JsonObject error = new JsonObject();
    error.addProperty(
        "description", "An error: the gRPC status, with the HTTP status of its code.");
    error.add("content", jsonContent(ref(com.google.rpc.Status.getDescriptor(), pending, queued)));
    responses.add("default", error);
    op.add("responses", responses);
    return op;
  }

  /** Scalar leaves of {@code type} not bound by the path, depth-limited against recursion. */
  private static void queryParameters(
      Descriptor type, String prefix, List<String> bound, JsonArray params, int depth) {
    if (depth > 3) {
      return;
    }
    for (FieldDescriptor f : type.getFields()) {
      String name = prefix + f.getName();
      if (bound.contains(name)) {
        continue;
      }
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (!f.isRepeated() && !f.getMessageType().getFullName().startsWith("google.protobuf.")) {
          queryParameters(f.getMessageType(), name + ".", bound, params, depth + 1);
        }
      } else {
        params.add(parameter(name, "query", f, false));
      }
    }
  }

  private static JsonObject parameter(String name, String in, FieldDescriptor f, boolean required) {
    JsonObject p = new JsonObject();
    p.addProperty("name", name);
    p.addProperty("in", in);
    p.addProperty("required", required);
    JsonObject schema = scalarSchema(f);
    if (f.isRepeated()) {
      JsonObject array = new JsonObject();
      array.addProperty("type", "array");
      array.add("items", schema);
      schema = array;
      p.addProperty("explode", true);
    }
    p.add("schema", schema);
    return p;
  }

  private static JsonObject jsonContent(JsonObject schema) {
    JsonObject media = new JsonObject();
    media.add("schema", schema);
    JsonObject content = new JsonObject();
    content.add("application/json", media);
    return content;
  }

  private static void enqueue(Descriptor d, Deque<Descriptor> pending, Set<String> queued) {
    if (queued.add(d.getFullName())) {
      pending.add(d);
    }
  }

  private static JsonObject ref(Descriptor d, Deque<Descriptor> pending, Set<String> queued) {
    JsonObject wk = wellKnown(d);
    if (wk != null) {
      return wk;
    }
    enqueue(d, pending, queued);
    JsonObject ref = new JsonObject();
    ref.addProperty("$ref", "#/components/schemas/" + d.getFullName());
    return ref;
  }

  private static JsonObject messageSchema(
      Descriptor d, Deque<Descriptor> pending, Set<String> queued) {
    JsonObject s = new JsonObject();
    s.addProperty("type", "object");
    JsonObject props = new JsonObject();
    for (FieldDescriptor f : d.getFields()) {
      props.add(
          d.getFullName().equals("google.rpc.Status") ? f.getJsonName() : f.getName(),
          fieldSchema(f, pending, queued));
    }
    s.add("properties", props);
    return s;
  }

  private static JsonObject fieldSchema(
      FieldDescriptor f, Deque<Descriptor> pending, Set<String> queued) {
    if (f.isMapField()) {
      JsonObject map = new JsonObject();
      map.addProperty("type", "object");
      map.add(
          "additionalProperties",
          fieldSchema(f.getMessageType().findFieldByName("value"), pending, queued));
      return map;
    }
    JsonObject one =
        f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            ? ref(f.getMessageType(), pending, queued)
            : scalarSchema(f);
    if (!f.isRepeated()) {
      return one;
    }
    JsonObject array = new JsonObject();
    array.addProperty("type", "array");
    array.add("items", one);
    return array;
  }

  /** JSON types of the proto3 mapping; null for a message that is not well known. */
  private static JsonObject wellKnown(Descriptor d) {
    JsonObject s = new JsonObject();
    switch (d.getFullName()) {
      case "google.protobuf.Empty" -> s.addProperty("type", "object");
      case "google.protobuf.Struct" -> {
        s.addProperty("type", "object");
        s.addProperty("additionalProperties", true);
      }
      case "google.protobuf.Value" -> s.addProperty("description", "any JSON value");
      case "google.protobuf.ListValue" -> {
        s.addProperty("type", "array");
        s.add("items", new JsonObject());
      }
      case "google.protobuf.Any" -> {
        s.addProperty("type", "object");
        JsonObject props = new JsonObject();
        JsonObject type = new JsonObject();
        type.addProperty("type", "string");
        props.add("@type", type);
        s.add("properties", props);
        s.addProperty("additionalProperties", true);
      }
      default -> {
        return null;
      }
    }
    return s;
  }

  private static JsonObject scalarSchema(FieldDescriptor f) {
    JsonObject s = new JsonObject();
    switch (f.getType()) {
      case INT32, SINT32, SFIXED32 -> {
        s.addProperty("type", "integer");
        s.addProperty("format", "int32");
      }
      case UINT32, FIXED32 -> {
        s.addProperty("type", "integer");
        s.addProperty("format", "int64");
      }
      case INT64, SINT64, SFIXED64 -> {
        s.addProperty("type", "string");
        s.addProperty("format", "int64");
      }
      case UINT64, FIXED64 -> {
        s.addProperty("type", "string");
        s.addProperty("format", "uint64");
      }
      case BOOL -> s.addProperty("type", "boolean");
      case FLOAT -> {
        s.addProperty("type", "number");
        s.addProperty("format", "float");
      }
      case DOUBLE -> {
        s.addProperty("type", "number");
        s.addProperty("format", "double");
      }
      case STRING -> s.addProperty("type", "string");
      case BYTES -> {
        s.addProperty("type", "string");
        s.addProperty("format", "byte");
      }
      case ENUM -> {
        s.addProperty("type", "string");
        JsonArray values = new JsonArray();
        for (EnumValueDescriptor v : f.getEnumType().getValues()) {
          values.add(v.getName());
        }
        s.add("enum", values);
      }
      default -> throw new IllegalArgumentException("not a scalar: " + f.getFullName());
    }
    return s;
  }
}
