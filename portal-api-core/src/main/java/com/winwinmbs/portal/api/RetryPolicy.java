package com.winwinmbs.portal.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed attempts are retried.
 *
 * <ul>
 *   <li>429: waits as the portal asks ({@code retry_after_ms}, else {@code Retry-After}, else
 *       {@code X-RateLimit-Reset}), at most {@link #maxRateLimitWait()}; a longer wait fails at
 *       once with a {@link RateLimitException}.
 *   <li>5xx and I/O failures: exponential backoff with full jitter, only for idempotent routes or
 *       requests carrying an {@code Idempotency-Key}.
 *   <li>Other 4xx: never (a rejected token is refreshed and sent once more, outside this budget).
 * </ul>
 *
 * @param maxAttempts attempts in all, the first included; 1 turns retries off
 * @param initialBackoff the backoff cap of the first retry; doubles each retry
 * @param maxBackoff the largest backoff cap
 * @param maxRateLimitWait the longest wait a 429 may ask for before the client gives up
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRateLimitWait) {

  /** 3 attempts, backoff from 500 ms up to 8 s, 429 waits up to 60 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  /** One attempt: nothing is retried, a 429 fails at once. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "maxAttempts must be at least 1 (1 turns retries off): " + maxAttempts);
    }
    requireNonNegative(initialBackoff, "initialBackoff");
    requireNonNegative(maxBackoff, "maxBackoff");
    requireNonNegative(maxRateLimitWait, "maxRateLimitWait");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff ("
              + maxBackoff
              + ") must not be shorter than initialBackoff ("
              + initialBackoff
              + ")");
    }
  }

  public RetryPolicy withMaxAttempts(int maxAttempts) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRateLimitWait);
  }

  public RetryPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRateLimitWait);
  }

  public RetryPolicy withMaxRateLimitWait(Duration maxRateLimitWait) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRateLimitWait);
  }

  /**
   * The backoff cap before retry number {@code retry} (1 for the first retry): the jittered wait is
   * at most this.
   */
  public Duration backoffCap(int retry) {
    long initial = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    int shift = Math.min(Math.max(retry - 1, 0), 30);
    long value = initial << shift;
    if (value < 0 || value > cap || (shift > 0 && (value >> shift) != initial)) {
      value = cap;
    }
    return Duration.ofMillis(value);
  }

  private static void requireNonNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name + " == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + duration);
    }
  }
}
