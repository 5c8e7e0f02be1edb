package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.RateLimit;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code X-RateLimit-*} headers of every response: the client's latest state (its {@code
 * lastRateLimit()}), the state a {@code RateLimitException} reports, and a WARN when fewer than 10%
 * of the window's requests are left.
 */
final class RateLimitInterceptor implements PortalInterceptor {

  private static final Logger log =
      LoggerFactory.getLogger("com.winwinmbs.portal.api.PortalApiClient");

  private final AtomicReference<@Nullable RateLimit> last = new AtomicReference<>();

  /** The rate-limit state of the most recent response that reported one. */
  Optional<RateLimit> last() {
    return Optional.ofNullable(last.get());
  }

  @Override
  public TransportResponse intercept(Chain chain) throws IOException {
    TransportResponse response = chain.proceed(chain.request());
    RateLimit rateLimit = RateLimit.from(response.headers()).orElse(null);
    RealChain.exchange(chain).rateLimit(rateLimit);
    if (rateLimit != null) {
      last.set(rateLimit);
      if (rateLimit.isNearlyExhausted()) {
        log.warn(
            "Portal rate limit nearly exhausted: {} of {} requests left, window resets at {}",
            rateLimit.remaining(),
            rateLimit.limit(),
            rateLimit.reset());
      }
    }
    return response;
  }
}
