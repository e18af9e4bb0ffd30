/**
 * State signing (spec v1 §8.3): the server's EC key and the signatures it attaches to states.
 *
 * <p>Thread-safe. A key that cannot be loaded is an {@link java.io.IOException} at start-up.
 */
package io.immudb.server.signing;
