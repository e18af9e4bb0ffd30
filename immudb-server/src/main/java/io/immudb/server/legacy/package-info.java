/**
 * The server's binding of the v0.8 API module ({@code immudb-legacy}): {@link
 * io.immudb.server.legacy.ServerLegacyHost} lends it the server's sessions, users, permissions,
 * databases and signer. Thread-safe.
 */
package io.immudb.server.legacy;
