/**
 * Self-contained report output for the benchmarks: SVG line charts drawn as text ({@link
 * io.immudb.bench.report.SvgLineChart}), with no script and no external resources, so the same
 * markup works as a standalone {@code .svg} file and inline in an HTML page.
 *
 * <p>Invariants: every piece of text that goes into markup passes through {@link
 * io.immudb.bench.report.Markup#escape}; numbers are written with {@link java.util.Locale#ROOT}.
 *
 * <p>Thread-safety: the types are immutable. Errors: bad chart input (no series, a non-positive
 * value on a log scale, a non-finite value) throws {@link java.lang.IllegalArgumentException}.
 */
package io.immudb.bench.report;
