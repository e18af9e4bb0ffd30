package io.immudb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));

  private static UserException wrong() {
    return new UserException(
        UserException.Kind.INVALID_CREDENTIALS, "invalid user name or password");
  }

  private static void fail(LoginThrottle t, String address) {
    assertThatThrownBy(
            () ->
                t.run(
                    address,
                    () -> {
                      throw wrong();
                    }))
        .isInstanceOf(UserException.class);
  }

  private static void assertRefused(Runnable r, String text) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            ImmuException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
              assertThat(e.getMessage()).contains(text);
            });
  }

  @Test
  void anAddressThatKeepsFailingIsRefusedUntilItsMinuteIsOver() {
    LoginThrottle t = new LoginThrottle(2, 3, clock);
    for (int i = 0; i < 3; i++) {
      fail(t, "10.0.0.1");
    }
    int[] checks = {0};
    assertRefused(
        () -> t.run("10.0.0.1", () -> ++checks[0]),
        "too many failed logins from 10.0.0.1: 3 within 60 s (limit --max-failed-logins=3)");
    assertThat(checks[0]).as("no password check while refused").isZero();
    // Another address is not affected.
    assertThat(t.run("10.0.0.2", () -> "ok")).isEqualTo("ok");
    clock.advance(Duration.ofSeconds(59));
    assertRefused(() -> t.run("10.0.0.1", () -> "ok"), "retry in 1 s");
    clock.advance(Duration.ofSeconds(1));
    assertThat(t.run("10.0.0.1", () -> "ok")).isEqualTo("ok");
  }

  @Test
  void aSuccessClearsTheCountAndOtherErrorsDoNotCount() {
    LoginThrottle t = new LoginThrottle(2, 2, clock);
    fail(t, "a");
    t.run("a", () -> "ok");
    fail(t, "a");
    assertThatThrownBy(
            () ->
                t.run(
                    "a",
                    () -> {
                      throw new UserException(UserException.Kind.INACTIVE, "user is not active");
                    }))
        .isInstanceOf(UserException.class);
    assertThat(t.run("a", () -> "still allowed")).isEqualTo("still allowed");
  }

  @Test
  void zeroTurnsTheFailureLimitOff() {
    LoginThrottle t = new LoginThrottle(1, 0, clock);
    for (int i = 0; i < 50; i++) {
      fail(t, "a");
    }
    assertThat(t.run("a", () -> 1)).isEqualTo(1);
  }

  @Test
  void checksBeyondTheConcurrencyLimitWaitThenAreRefused() throws Exception {
    LoginThrottle t = new LoginThrottle(1, 0, clock);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> slow =
          pool.submit(
              () ->
                  t.run(
                      "a",
                      () -> {
                        inside.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                        return "slow";
                      }));
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
      long t0 = System.nanoTime();
      assertRefused(
          () -> t.run("b", () -> "x"),
          "too many logins in progress (limit --max-concurrent-logins=1)");
      assertThat(System.nanoTime() - t0)
          .as("it waited for a check to end first")
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(LoginThrottle.WAIT_MILLIS - 100));
      // A login that waits while the check ends gets its turn.
      Future<String> waiting = pool.submit(() -> t.run("c", () -> "waited"));
      Thread.sleep(100);
      release.countDown();
      assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("slow");
      assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("waited");
    } finally {
      pool.shutdownNow();
    }
  }
}
