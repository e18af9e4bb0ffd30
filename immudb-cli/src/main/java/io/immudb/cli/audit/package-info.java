/**
 * {@code immuclient audit-mode}: an independent auditor that, round after round, proves that each
 * database's current state on one immudb server extends the state it trusted last (spec v1 §7.3,
 * §7.4; the paper's state update protocol), optionally re-reads every value written since, and
 * reports the outcome on standard output, as Prometheus metrics and as an HTTP notification when
 * tampering is found. Operator documentation: {@code docs/ops/auditor.md}.
 *
 * <p><b>Invariants.</b> The auditor's trusted state of a database moves forward only after every
 * check of a round passed for that database ({@link io.immudb.cli.audit.StagedStateHolder}); a
 * failed or interrupted round leaves it where it was, so the next round checks the same range
 * again.
 *
 * <p><b>Outcomes.</b> Each database gets one result per round: {@code ok} (1), {@code tampered} (0:
 * a proof failed, or the server itself reported corrupted data, gRPC {@code DATA_LOSS}) or {@code
 * error} (-1: the server could not be asked, e.g. unreachable, bad credentials, unknown database).
 * Errors are reported, never thrown out of a round.
 *
 * <p><b>Threads.</b> One auditor thread runs the rounds; {@link io.immudb.cli.audit.Auditor#stop}
 * may be called from any thread (e.g. a shutdown hook). The metrics endpoint is served by the
 * Prometheus exporter's own threads.
 */
package io.immudb.cli.audit;
