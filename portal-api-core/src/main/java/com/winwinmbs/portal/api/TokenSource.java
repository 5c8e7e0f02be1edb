package com.winwinmbs.portal.api;

import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.internal.TokenExchange;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where the bearer token of each request comes from: the Java form of the TypeScript client's
 * {@code getToken}. Called once per attempt; may block (to fetch or refresh a token); returns empty
 * when there is no token, and the request then goes out without {@code Authorization}.
 *
 * <p>A source that {@linkplain #canRefresh() can refresh} is told when the portal rejected its
 * token (status 401); the client then asks it again and repeats the request once.
 */
@FunctionalInterface
public interface TokenSource {

  /** The token to send now, or empty for none. */
  Optional<String> token();

  /**
   * Whether {@link #invalidate(String)} makes the next {@link #token()} return a different token,
   * so a request rejected with 401 is worth sending once more.
   */
  default boolean canRefresh() {
    return false;
  }

  /**
   * Told that the portal rejected this token (401). A source that caches tokens forgets it, unless
   * it already holds a newer one, so concurrent rejections of one token cause one refresh.
   */
  default void invalidate(String rejectedToken) {}

  /**
   * Tells the portal call waiting on this thread for its token, if any, that a new token was just
   * fetched for it: an event {@code token.fetches} of its observation. For token sources that fetch
   * by their own means; the client's own providers report their fetches themselves.
   */
  static void recordFetch() {
    TokenExchange.reportFetch();
  }

  /** A source that never sends a token (API-key-only clients). */
  static TokenSource none() {
    return Optional::empty;
  }

  /**
   * A constant token; a blank token, or one holding a character a header value cannot carry (a
   * control character, DEL, anything past ASCII: {@link Headers#requireSendable(String, String)}),
   * is refused with a message that names the character and its index, never the token.
   */
  static TokenSource of(String token) {
    Objects.requireNonNull(token, "token == null");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    Headers.requireSendable("token (sent in the Authorization header)", token);
    Optional<String> value = Optional.of(token);
    return new TokenSource() {
      @Override
      public Optional<String> token() {
        return value;
      }

      @Override
      public String toString() {
        return "TokenSource.of([REDACTED])";
      }
    };
  }

  /**
   * A synchronous getter, like the TypeScript {@code getToken: () => string | null}; null or blank
   * sends no token, and a failure of the supplier becomes a {@link TokenException}, as with {@link
   * #fromAsync}.
   */
  static TokenSource fromSupplier(Supplier<@Nullable String> supplier) {
    Objects.requireNonNull(supplier, "supplier == null");
    return () -> {
      String token;
      try {
        token = supplier.get();
      } catch (PortalApiException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new TokenException("the token source failed: " + e.getClass().getName(), e);
      }
      return Optional.ofNullable(token).filter(t -> !t.isBlank());
    };
  }

  /**
   * An asynchronous getter, like the 2.0.0 {@code getToken: () => Promise<string | null>}: the
   * stage is awaited for at most {@code timeout}.
   */
  static TokenSource fromAsync(
      Supplier<? extends CompletionStage<@Nullable String>> supplier, Duration timeout) {
    Objects.requireNonNull(supplier, "supplier == null");
    Objects.requireNonNull(timeout, "timeout == null");
    return () -> {
      CompletionStage<@Nullable String> stage =
          Objects.requireNonNull(supplier.get(), "token stage == null");
      // no longer than the call that asks may wait for its token
      long wait = Math.min(timeout.toNanos(), TokenExchange.nanosLeft());
      try {
        String token = stage.toCompletableFuture().get(Math.max(0, wait), TimeUnit.NANOSECONDS);
        return Optional.ofNullable(token).filter(t -> !t.isBlank());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException(
            "interrupted while waiting for the token",
            TransportException.Kind.INTERRUPTED,
            PortalError.noResponse("GET", "token"),
            0,
            e);
      } catch (TimeoutException e) {
        throw new TokenException(
            "the token source did not answer within "
                + Duration.ofNanos(Math.max(0, wait))
                + (wait < timeout.toNanos() ? " (what was left of the call's time)" : ""),
            e);
      } catch (ExecutionException | CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof PortalApiException portal) {
          throw portal;
        }
        throw new TokenException("the token source failed: " + cause.getClass().getName(), cause);
      }
    };
  }
}
