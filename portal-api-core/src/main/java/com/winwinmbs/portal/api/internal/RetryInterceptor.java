package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.Sleeper;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.observation.PortalObservationEvents;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the call again when that is safe and worth it: after a 429 (the portal did not run the
 * request) once the wait it asked for has passed, if that wait is allowed; after a 5xx or an I/O
 * failure (a body that breaks off included) with exponential backoff and full jitter, only when the
 * call is idempotent (its route, or an {@code Idempotency-Key}). Never when the body cannot be sent
 * again, when the thread was interrupted, or when the wait would outlast the call's deadline. When
 * it gives up on a failure that could otherwise have been retried, it notes why for the message.
 */
final class RetryInterceptor implements PortalInterceptor {

  private static final Logger log =
      LoggerFactory.getLogger("com.winwinmbs.portal.api.PortalApiClient");

  /** The least time left after a wait for which another attempt is started. */
  static final Duration MIN_ATTEMPT = Duration.ofMillis(50);

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;

  RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  @Override
  public TransportResponse intercept(Chain chain) throws IOException {
    Exchange exchange = RealChain.exchange(chain);
    int retries = 0;
    while (true) {
      boolean attemptsLeft = retries < policy.maxAttempts() - 1;
      TransportResponse response;
      try {
        response = chain.proceed(chain.request());
      } catch (IOException e) {
        TransportException.Kind kind = TransportFailures.kind(e);
        if (kind == TransportException.Kind.INTERRUPTED) {
          throw e;
        }
        String why = exchange.idempotent && exchange.replayable ? null : notRetried(exchange);
        if (why == null && attemptsLeft) {
          Duration wait = backoff(retries + 1);
          why = noTimeFor(exchange, wait);
          if (why == null) {
            retries++;
            pause(exchange, wait, "I/O failure: " + kind);
            continue;
          }
        }
        exchange.note(why);
        throw e;
      }
      int status = response.status();
      if (status == 429) {
        Duration wait = ErrorMapper.retryAfter(response, exchange, clock.instant());
        if (wait == null) {
          wait = backoff(retries + 1);
        }
        String why =
            wait.compareTo(policy.maxRateLimitWait()) > 0
                ? "asked to wait "
                    + wait.toMillis()
                    + " ms, more than the allowed "
                    + policy.maxRateLimitWait().toMillis()
                    + " ms"
                : exchange.replayable ? noTimeFor(exchange, wait) : null;
        if (why == null && exchange.replayable && attemptsLeft) {
          retries++;
          response.close();
          pause(exchange, wait, "429");
          continue;
        }
        exchange.note(why);
        return response;
      }
      if (isRetryable(status)) {
        String why = exchange.idempotent && exchange.replayable ? null : notRetried(exchange);
        if (why == null && attemptsLeft) {
          Duration wait = backoff(retries + 1);
          Duration asked = ErrorMapper.retryAfter(response, exchange, clock.instant());
          if (asked != null
              && asked.compareTo(wait) > 0
              && asked.compareTo(policy.maxRateLimitWait()) <= 0) {
            wait = asked;
          }
          why = noTimeFor(exchange, wait);
          if (why == null) {
            retries++;
            response.close();
            pause(exchange, wait, String.valueOf(status));
            continue;
          }
        }
        exchange.note(why);
      }
      return response;
    }
  }

  /** Why a failure of this call is not retried whatever it is, or null when it may be. */
  private static @Nullable String notRetried(Exchange exchange) {
    if (!exchange.idempotent) {
      return "not retried: "
          + exchange.method()
          + " is not idempotent and carries no Idempotency-Key";
    }
    return "not retried: the request body is a stream that cannot be sent again";
  }

  /**
   * Why the call's deadline does not allow this wait and one more attempt, or null. An attempt is
   * only worth starting with some time left for it: with less than {@link #MIN_ATTEMPT} (or the
   * attempt timeout, when shorter) it would time out and hide the answer already in hand.
   */
  private static @Nullable String noTimeFor(Exchange exchange, Duration wait) {
    long attempt = Math.min(MIN_ATTEMPT.toNanos(), exchange.timeout.toNanos());
    if (exchange.hasDeadline() && exchange.remainingNanos() - wait.toNanos() < attempt) {
      return "not retried: the call timeout leaves no time to wait "
          + wait.toMillis()
          + " ms and try again";
    }
    return null;
  }

  private static boolean isRetryable(int status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
  }

  private Duration backoff(int retry) {
    long cap = policy.backoffCap(retry).toMillis();
    return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
  }

  private void pause(Exchange exchange, Duration wait, String reason) throws IOException {
    exchange.event(PortalObservationEvents.RETRY);
    log.debug(
        "{} {} attempt {} failed ({}); retrying in {} ms",
        exchange.method(),
        exchange.path,
        exchange.attempts(),
        reason,
        wait.toMillis());
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }
}
