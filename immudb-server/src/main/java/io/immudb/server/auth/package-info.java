/**
 * Users, logins and permissions (spec v1 §9.3–§9.5, §9.7.3): {@link
 * io.immudb.server.auth.UserStore} keeps users in {@code systemdb}, {@link
 * io.immudb.server.auth.LoginSessions} issues, checks and ends login tokens, and {@link
 * io.immudb.server.auth.MethodPermissions} is immudb's method-permission table.
 *
 * <p><b>Invariants:</b> a user is a record under the plain key {@code 0x01‖username} of {@code
 * systemdb}; every change is a new transaction there and the latest version is authoritative.
 * Passwords are stored only as bcrypt hashes. Only the user named {@code immudb} is sysadmin
 * (permission 255 on {@code "*"}). Changing a user's password, permissions or status, and logging
 * out, end every token of that user.
 *
 * <p><b>Thread-safety:</b> all public types are safe for concurrent use. User changes are
 * serialized on one lock per {@code UserStore}; bcrypt hashing and checking run outside every lock.
 *
 * <p><b>Exceptions:</b> rule violations throw {@link io.immudb.server.auth.UserException}, token
 * and permission failures {@link io.immudb.server.auth.AuthException}; both carry a {@code Kind}
 * that fixes their {@link io.immudb.core.ErrorCode}, and with it the gRPC status, and immudb's
 * exact message text (spec v1 §9.5).
 */
package io.immudb.server.auth;
