package io.immudb.embedded.store;

import io.immudb.core.crypto.Sha256Digest;

/**
 * The last committed transaction as published by the writer: readers see either the state before a
 * group commit or the state after it, never one in between.
 *
 * @param txId id of the last committed tx (0 for an empty store)
 * @param alh its Alh ({@link Sha256Digest#ZERO} for an empty store)
 * @param ts its timestamp (0 for an empty store)
 */
record CommittedState(long txId, Sha256Digest alh, long ts) {
  static final CommittedState EMPTY = new CommittedState(0, Sha256Digest.ZERO, 0);
}
