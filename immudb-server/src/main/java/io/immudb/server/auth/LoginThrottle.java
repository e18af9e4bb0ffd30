package io.immudb.server.auth;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds what logins may cost the server (docs/server.md, "Limits"). A password check is a bcrypt
 * verification, tens of milliseconds of CPU, so a flood of logins with wrong passwords could take
 * the machine from every other client. Two limits, each refused with {@code RESOURCE_EXHAUSTED} and
 * a message naming the flag:
 *
 * <ul>
 *   <li>at most {@code maxConcurrent} checks run at once; a login that finds them all busy waits up
 *       to {@value #WAIT_MILLIS} ms for one, at most {@value #MAX_WAITERS} logins wait, and the
 *       rest are refused at once;
 *   <li>a client address that failed {@code maxFailures} logins within {@link #WINDOW} is refused,
 *       without a check, until that window is over (0: no such limit). A successful login clears
 *       the address's count.
 * </ul>
 *
 * <p>Thread-safe: a semaphore and a concurrent map of per-address windows. The map keeps at most
 * {@value #MAX_TRACKED} addresses; windows that are over are dropped first.
 */
public final class LoginThrottle {
  /** The window over which failed logins are counted. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  static final long WAIT_MILLIS = 2000;
  static final int MAX_WAITERS = 64;
  static final int MAX_TRACKED = 100_000;

  private final int maxConcurrent;
  private final int maxFailures;
  private final Clock clock;
  private final Semaphore checks;
  private final Semaphore waiters = new Semaphore(MAX_WAITERS);
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  private record Failures(Instant since, int count) {}

  /**
   * @param maxConcurrent password checks at once; >= 1
   * @param maxFailures failed logins per address within {@link #WINDOW}; 0: unlimited
   */
  public LoginThrottle(int maxConcurrent, int maxFailures, Clock clock) {
    if (maxConcurrent < 1 || maxFailures < 0) {
      throw new IllegalArgumentException(
          "maxConcurrent must be >= 1 and maxFailures >= 0, got "
              + maxConcurrent
              + ", "
              + maxFailures);
    }
    this.maxConcurrent = maxConcurrent;
    this.maxFailures = maxFailures;
    this.clock = clock;
    this.checks = new Semaphore(maxConcurrent, true);
  }

  /** No limits: for embedded servers and tests that log in in bulk. */
  public static LoginThrottle unlimited() {
    return new LoginThrottle(Integer.MAX_VALUE, 0, Clock.systemUTC());
  }

  /** A password check that ends by telling whether it succeeded. */
  @FunctionalInterface
  public interface Check<T> {
    T run();
  }

  /**
   * Runs {@code check} (a password verification) for a login from {@code address} within the
   * limits; a {@link UserException} of kind {@code INVALID_CREDENTIALS} thrown by it counts as a
   * failure, anything it returns as a success.
   *
   * @throws ImmuException {@code RESOURCE_EXHAUSTED} when a limit refuses the login
   */
  public <T> T run(String address, Check<T> check) {
    refuseIfBlocked(address);
    acquire();
    try {
      T result = check.run();
      failures.remove(address);
      return result;
    } catch (UserException e) {
      if (e.kind() == UserException.Kind.INVALID_CREDENTIALS) {
        failed(address);
      }
      throw e;
    } finally {
      checks.release();
    }
  }

  private void refuseIfBlocked(String address) {
    if (maxFailures == 0) {
      return;
    }
    Failures f = failures.get(address);
    if (f == null || f.count() < maxFailures) {
      return;
    }
    Duration left = Duration.between(clock.instant(), f.since().plus(WINDOW));
    if (left.isNegative() || left.isZero()) {
      failures.remove(address, f);
      return;
    }
    throw new ImmuException(
        ErrorCode.RESOURCE_EXHAUSTED,
        "too many failed logins from "
            + address
            + ": "
            + f.count()
            + " within "
            + WINDOW.toSeconds()
            + " s (limit --max-failed-logins="
            + maxFailures
            + "); retry in "
            + Math.max(1, left.toSeconds())
            + " s");
  }

  private void acquire() {
    if (checks.tryAcquire()) {
      return;
    }
    if (!waiters.tryAcquire()) {
      throw busy();
    }
    try {
      if (!checks.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    } finally {
      waiters.release();
    }
  }

  private ImmuException busy() {
    return new ImmuException(
        ErrorCode.RESOURCE_EXHAUSTED,
        "too many logins in progress (limit --max-concurrent-logins="
            + maxConcurrent
            + "); retry later");
  }

  private void failed(String address) {
    if (maxFailures == 0) {
      return;
    }
    Instant now = clock.instant();
    if (failures.size() >= MAX_TRACKED) {
      dropOld(now);
    }
    failures.compute(
        address,
        (a, f) ->
            f == null || !now.isBefore(f.since().plus(WINDOW))
                ? new Failures(now, 1)
                : new Failures(f.since(), f.count() + 1));
  }

  /** Drops the windows that are over; if none is, the oldest half of the map goes. */
  private void dropOld(Instant now) {
    failures.values().removeIf(f -> !now.isBefore(f.since().plus(WINDOW)));
    if (failures.size() >= MAX_TRACKED) {
      Iterator<String> it = failures.keySet().iterator();
      for (int i = 0; i < MAX_TRACKED / 2 && it.hasNext(); i++) {
        it.next();
        it.remove();
      }
    }
  }
}
