/**
 * Test helpers shared by the engine's tests: starting and killing child JVMs for crash tests.
 *
 * <p>Thread-safety is stated on each class.
 */
package io.immudb.embedded.testkit;
