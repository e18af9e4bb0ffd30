package io.immudb.gw;

import com.google.protobuf.Message;
import io.immudb.core.state.ImmuState;

/**
 * A verified answer: what the REST caller gets (the entry, tx or tx header the proofs covered) and
 * the state to trust next. Immutable.
 *
 * @param result the verified message
 * @param next the state the proofs reached, to be trusted from now on
 */
record Verified(Message result, ImmuState next) {}
