package com.winwinmbs.portal.api;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The portal kept answering 429, or asked for a longer wait than the client may make. {@link
 * #retryAfter()} says how long the portal asked to wait.
 */
public class RateLimitException extends PortalApiException {

  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;
  private final @Nullable RateLimit rateLimit;

  public RateLimitException(
      String message,
      PortalError error,
      int attempts,
      @Nullable Duration retryAfter,
      @Nullable RateLimit rateLimit,
      @Nullable Throwable cause) {
    super(message, error, attempts, cause);
    this.retryAfter = retryAfter;
    this.rateLimit = rateLimit;
  }

  /** How long the portal asked to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The rate-limit headers of the last response, when sent. */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }
}
