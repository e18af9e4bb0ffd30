package io.immudb.http;

import java.util.Objects;

/**
 * What a {@link RouteOverride} answers: an HTTP status and a JSON body. Immutable.
 *
 * @param status the HTTP status, 100-599
 * @param json the body, a JSON document
 */
public record RouteAnswer(int status, String json) {
  public RouteAnswer {
    Objects.requireNonNull(json, "json");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100-599, got " + status);
    }
  }
}
