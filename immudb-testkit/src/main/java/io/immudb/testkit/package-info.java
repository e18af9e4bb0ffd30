/**
 * Test fixtures shared by the tests of several modules: {@link io.immudb.testkit.TestPki}, a
 * throw-away certificate authority issuing server and client certificates for the TLS tests.
 *
 * <p>This is an ordinary module (not a {@code test-jar}), so that building the tools with tests
 * skipped ({@code -Dmaven.test.skip=true}, as {@code bin/} does) still resolves every module's
 * test-scope dependencies from the reactor, on a machine whose Maven repository holds none of this
 * project's artifacts. Nothing outside {@code test} scope may depend on it.
 */
package io.immudb.testkit;
