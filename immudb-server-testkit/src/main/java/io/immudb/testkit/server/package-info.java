/**
 * Test fixtures that need the server: {@link io.immudb.testkit.server.ImmudbServerExtension}, a
 * JUnit 5 extension that runs a real {@code ImmudbServer} on a loopback port over a temporary data
 * directory, shared by the integration tests ({@code *IT}) of the client SDK, the command-line
 * tools and the benchmarks.
 *
 * <p>This is an ordinary module, not a {@code test-jar}, for the reason given in {@code
 * io.immudb.testkit}: building the tools with tests skipped must still resolve every test-scope
 * dependency from the reactor. It is not part of {@code immudb-testkit} because it depends on
 * {@code immudb-server}, whose own tests use {@code immudb-testkit}; for the same reason the
 * server's own integration tests cannot use it. Nothing outside {@code test} scope may depend on
 * it. Fixtures here are for one test class on one thread.
 */
package io.immudb.testkit.server;
