package io.immudb.server.db;

import io.immudb.embedded.database.Database;
import java.util.List;
import java.util.Map;

/**
 * The open user databases at one moment, published as a whole by {@link DatabaseRegistry}.
 * Immutable and thread-safe.
 *
 * @param databases every open database except {@code systemdb}, by name
 * @param order their names in index order ({@code defaultdb} first, then creation order)
 */
record Snapshot(Map<String, Database> databases, List<String> order) {}
