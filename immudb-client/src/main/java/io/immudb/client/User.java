package io.immudb.client;

import java.util.Map;

/**
 * A user as {@code ListUsers} shows it: name, permission per database, who created it and when (the
 * server's text), and whether it may log in.
 */
public record User(
    String name,
    Map<String, Permission> permissions,
    String createdBy,
    String createdAt,
    boolean active) {
  public User {
    permissions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(permissions));
  }
}
