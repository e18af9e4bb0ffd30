package io.immudb.server.auth;

/**
 * A live token and the user's logout epoch at login time; the token is void once the user's epoch
 * moved on. Immutable and thread-safe.
 */
record Session(Token token, long epoch) {}
