package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The wait an answer asks for in its headers ({@code Retry-After} as seconds or an HTTP date, else
 * {@code X-RateLimit-Reset}), bounded to what a {@link Duration} in milliseconds can tell: a number
 * beyond a long is a wait longer than any allowed, never garbage to retry at once.
 */
final class RetryAfter {

  /** Longer than any wait the client allows. */
  static final Duration LONGEST_WAIT = Duration.ofMillis(Long.MAX_VALUE);

  private RetryAfter() {}

  /**
   * The wait asked for by {@code Retry-After} (seconds or an HTTP date), else {@code
   * X-RateLimit-Reset}.
   */
  static @Nullable Duration fromHeaders(Headers headers, Instant now) {
    String retryAfter = headers.first("Retry-After").orElse(null);
    if (retryAfter != null) {
      String value = retryAfter.trim();
      if (isDigits(value) && !fitsALong(value)) {
        return LONGEST_WAIT; // more seconds than a long holds: longer than any allowed wait
      }
      try {
        long seconds = Long.parseLong(value);
        if (seconds >= 0) {
          return bounded(Duration.ofSeconds(seconds));
        }
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          return bounded(Duration.between(now, at));
        } catch (DateTimeParseException notDate) {
          // fall through to the rate-limit reset
        }
      }
    }
    // the reset alone is enough: a limiter may send it without the limit and remaining counts
    String reset = headers.first("X-RateLimit-Reset").orElse(null);
    if (reset != null) {
      String value = reset.trim();
      if (isDigits(value)
          && (!fitsALong(value) || Long.parseLong(value) > Instant.MAX.getEpochSecond())) {
        return LONGEST_WAIT; // a reset after the last instant there is: longer than any wait
      }
      try {
        return bounded(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(value))));
      } catch (NumberFormatException | java.time.DateTimeException malformed) {
        return null;
      }
    }
    return null;
  }

  /** Whether the text is one or more ASCII digits, a number without sign. */
  private static boolean isDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether a string of digits is at most {@link Long#MAX_VALUE}. */
  private static boolean fitsALong(String digits) {
    String significant = digits.replaceFirst("^0+(?=.)", "");
    String max = Long.toString(Long.MAX_VALUE);
    return significant.length() < max.length()
        || (significant.length() == max.length() && significant.compareTo(max) <= 0);
  }

  /** At least zero, at most what {@link Duration#toMillis()} can tell. */
  static Duration bounded(Duration duration) {
    if (duration.isNegative()) {
      return Duration.ZERO;
    }
    return duration.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : duration;
  }
}
