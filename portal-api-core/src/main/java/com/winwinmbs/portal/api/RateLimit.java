package com.winwinmbs.portal.api;

import com.winwinmbs.portal.api.http.Headers;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit state the portal reported with a response, from the {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} headers.
 *
 * @param limit requests allowed in the current window
 * @param remaining requests left in the current window
 * @param reset when the window resets (the header holds epoch seconds), or null when not sent or
 *     not a representable instant
 */
public record RateLimit(long limit, long remaining, @Nullable Instant reset) {

  /**
   * The state in these headers, or empty when the limit or remaining count is missing or malformed.
   */
  public static Optional<RateLimit> from(Headers headers) {
    Long limit = parse(headers.first("X-RateLimit-Limit").orElse(null));
    Long remaining = parse(headers.first("X-RateLimit-Remaining").orElse(null));
    if (limit == null || remaining == null) {
      return Optional.empty();
    }
    Long reset = parse(headers.first("X-RateLimit-Reset").orElse(null));
    boolean representable =
        reset != null
            && reset >= Instant.MIN.getEpochSecond()
            && reset <= Instant.MAX.getEpochSecond();
    return Optional.of(
        new RateLimit(limit, remaining, representable ? Instant.ofEpochSecond(reset) : null));
  }

  /** Whether fewer than 10% of the window's requests are left. */
  public boolean isNearlyExhausted() {
    return limit > 0 && remaining <= (limit - 1) / 10; // remaining * 10 < limit, without overflow
  }

  private static @Nullable Long parse(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
