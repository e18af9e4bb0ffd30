/**
 * Settings of the engine that are given per process rather than per store (JVM system properties),
 * read and checked in one place.
 *
 * <p><b>Internal to the engine</b> (no stability promise): only the engine's higher layers may use
 * it; other modules go through {@link io.immudb.embedded.database.Database}, which {@code
 * EngineBoundaryTest} enforces.
 */
package io.immudb.embedded.internal.settings;
