package io.immudb.server.grpc;

import com.google.protobuf.Empty;
import io.immudb.proto.DatabaseListResponse;
import io.immudb.proto.UseDatabaseReply;
import io.immudb.server.auth.AuthException;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.auth.User;
import io.immudb.server.auth.UserPermission;
import io.immudb.server.db.DatabaseRegistry;

/**
 * The database RPCs: {@code UseDatabase} answers with a new token bound to the chosen database
 * (spec v1 §9.3), {@code CreateDatabase} (sysadmin only, §9.4) adds one to the registry, {@code
 * DatabaseList} lists those the caller may use. Errors are {@link io.immudb.core.ImmuException}s,
 * turned into statuses by {@link StatusMapper}. Thread-safe (holds no per-call state).
 */
final class DatabaseRpcs {
  private final DatabaseRegistry registry;
  private final LoginSessions tokens;
  private final Caller caller;

  DatabaseRpcs(DatabaseRegistry registry, LoginSessions tokens, Caller caller) {
    this.registry = registry;
    this.tokens = tokens;
    this.caller = caller;
  }

  /** {@code UseDatabase}: the caller's session moved to {@code req}'s database, as a new token. */
  UseDatabaseReply useDatabase(io.immudb.proto.Database req) {
    return UseDatabaseReply.newBuilder()
        .setToken(tokens.useDatabase(Caller.header(), req.getDatabaseName()).value())
        .build();
  }

  /** {@code CreateDatabase}. */
  Empty createDatabase(io.immudb.proto.Database req) {
    User u = caller.user();
    if (!u.isSysadmin()) {
      throw new AuthException(AuthException.Kind.NOT_SYSADMIN);
    }
    registry.create(req.getDatabaseName());
    return Empty.getDefaultInstance();
  }

  /**
   * {@code DatabaseList}: every database but systemdb for the sysadmin, else the permitted ones.
   */
  DatabaseListResponse databaseList() {
    User u = caller.user();
    DatabaseListResponse.Builder b = DatabaseListResponse.newBuilder();
    if (u.isSysadmin()) {
      registry.list().stream()
          .filter(n -> !n.equals("systemdb"))
          .forEach(n -> b.addDatabases(io.immudb.proto.Database.newBuilder().setDatabaseName(n)));
    } else {
      for (UserPermission p : u.permissions()) {
        b.addDatabases(io.immudb.proto.Database.newBuilder().setDatabaseName(p.database()));
      }
    }
    return b.build();
  }
}
