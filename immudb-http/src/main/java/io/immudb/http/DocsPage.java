package io.immudb.http;

import java.util.List;

/**
 * The browsable API page ({@code /api/docs/}): one self-contained HTML page, no scripts, no
 * external assets, listing every route with its gRPC method, request and response types, path and
 * query parameters, and a link to the OpenAPI document. Generated from the route table. Stateless.
 */
final class DocsPage {
  private DocsPage() {}

  static String render(List<Route> routes, String title, String version) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:70rem}")
        .append("table{border-collapse:collapse;width:100%}")
        .append("th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;")
        .append("vertical-align:top}code{font-size:.95em}")
        .append(".GET{color:#05668d}.POST{color:#7a3e00}</style></head><body>\n")
        .append("<h1>")
        .append(esc(title))
        .append(" <small>")
        .append(esc(version))
        .append("</small></h1>\n")
        .append("<p>Every route is the gRPC method next to it, in JSON (proto3 mapping: bytes as")
        .append(" base64, 64-bit integers as strings). Log in with <code>POST /api/login</code>")
        .append(" and send <code>Authorization: Bearer &lt;token&gt;</code>. Errors are")
        .append(" <code>{code, message, details}</code> with the HTTP status of the gRPC code.")
        .append(" Machine-readable: <a href=\"openapi.json\">openapi.json</a> (OpenAPI 3.0).</p>\n")
        .append("<table><thead><tr><th>HTTP</th><th>path</th><th>gRPC method</th>")
        .append("<th>request</th><th>response</th></tr></thead><tbody>\n");
    for (Route r :
        routes.stream()
            .sorted(java.util.Comparator.comparing((Route r) -> r.path().openApiPath()))
            .toList()) {
      b.append("<tr id=\"")
          .append(esc(r.operationId()))
          .append("\"><td class=\"")
          .append(r.httpMethod())
          .append("\">")
          .append(r.httpMethod())
          .append("</td><td><code>")
          .append(esc(Transcoder.PREFIX + r.path().openApiPath()))
          .append("</code></td><td><code>")
          .append(esc(r.method().getName()))
          .append("</code>")
          .append(
              OpenApiDocument.PUBLIC_METHODS.contains(r.method().getName()) ? " (no token)" : "")
          .append("</td><td><code>")
          .append(
              esc(
                  r.hasBody()
                      ? r.method().getInputType().getName() + " (JSON body)"
                      : r.method().getInputType().getName() + " (path/query)"))
          .append("</code></td><td><code>")
          .append(esc(r.method().getOutputType().getName()))
          .append("</code></td></tr>\n");
    }
    b.append("</tbody></table>\n</body></html>\n");
    return b.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
